"""Cross-checks of docker/ that no maintained linter makes (run through docker/check, after
dockerfile-utils has validated the Dockerfiles and dclint the compose files against the compose-spec
schema). Python 3 standard library; the files are read through docker/lint/read.mjs, i.e. by the
parsers of those tools, not by a parser of its own.

What it proves without a Docker engine: every Dockerfile ends as a non-root user in a second stage
and exposes the service's quarkus.http.port; every configuration environment variable maps, by the
MicroProfile Config environment rules, to a key the service really has; every COPY source exists
and passes the root .dockerignore, or is an output the Maven build produces; ports, secrets,
volumes, healthchecks, database names and service URLs agree with each other and with the modules.
"""
import difflib
import glob
import json
import os
import re
import shlex
import subprocess
import sys

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))
DOCKER = os.path.join(ROOT, "docker")
# The parsers live beside this script, whichever checkout is being checked.
READ = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lint", "read.mjs")

PASSED = 0
FAILED = []


def ok(_what):
    global PASSED
    PASSED += 1


def fail(what, why):
    FAILED.append(f"{what}: {why}")
    print(f"FAIL {what}: {why}")


def check(cond, what, why):
    (ok if cond else lambda w: fail(w, why))(what)
    return cond


def rel(path):
    return os.path.relpath(path, ROOT)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


# ---------------------------------------------------------------- configuration keys

# Standard keys the compose file or a Dockerfile may set although application.properties does not
# name them. Each is a documented key of an extension the services depend on.
STANDARD_KEYS = {
    "quarkus.http.host",            # quarkus-vertx-http: bind address (0.0.0.0 in a container)
    "quarkus.http.port",            # quarkus-vertx-http
    "quarkus.datasource.jdbc.url",  # quarkus-agroal
    "quarkus.datasource.username",  # quarkus-agroal
    "quarkus.datasource.password",  # quarkus-agroal
    "quarkus.log.level",            # quarkus-core
}
# Prefixes the issue allows for configuration by environment.
CONFIG_ENV_PREFIXES = ("QUARKUS_", "AUTH_", "MP_JWT_", "CARDS_")
# Maven profiles a Dockerfile may name before the root pom defines them (issue 5 adds them).
PENDING_PROFILES = {"native"}


def env_name(key):
    """MicroProfile Config: a property's environment name replaces each non-alphanumeric with _ and upper-cases."""
    return re.sub(r"[^A-Za-z0-9]", "_", key).upper()


def properties(module):
    path = os.path.join(ROOT, module, "src/main/resources/application.properties")
    props = {}
    if not os.path.exists(path):
        return props
    for line in read(path).splitlines():
        line = line.strip()
        if not line or line[0] in "#!" or "=" not in line:
            continue
        key, value = line.split("=", 1)
        key = key.strip()
        profile = None
        if key.startswith("%"):
            profile, key = key[1:].split(".", 1)
        props.setdefault(key, {})[profile] = value.strip()
    return props


def kebab(name):
    return re.sub(r"([a-z0-9])([A-Z])", r"\1-\2", name).lower()


def strip_java_comments(src):
    src = re.sub(r"/\*.*?\*/", " ", src, flags=re.S)
    return re.sub(r"//[^\n]*", " ", src)


def interface_bodies(src):
    """{name: body} for every interface in src, bodies with nested interface bodies removed."""
    bodies = {}
    for m in re.finditer(r"\binterface\s+(\w+)[^{;]*\{", src):
        depth, i = 1, m.end()
        while depth and i < len(src):
            depth += {"{": 1, "}": -1}.get(src[i], 0)
            i += 1
        body = src[m.end():i - 1]
        flat, depth = [], 0
        for part in re.split(r"(\binterface\s+\w+[^{;]*\{|\{|\})", body):
            if part is None:
                continue
            if depth == 0 and not re.match(r"\binterface\b", part):
                flat.append(part)
            if re.match(r"\binterface\b", part) or part == "{":
                depth += 1
            elif part == "}":
                depth -= 1
        bodies[m.group(1)] = "".join(flat)
    return bodies


def mapping_keys(module):
    """Keys of every @ConfigMapping interface in the module (kebab-case method names, nested groups)."""
    keys = set()
    for path in glob.glob(os.path.join(ROOT, module, "src/main/java/**/*.java"), recursive=True):
        src = strip_java_comments(read(path))
        m = re.search(r'@ConfigMapping\s*\(\s*prefix\s*=\s*"([^"]+)"[^)]*\)\s*(?:@\w+(?:\([^)]*\))?\s*)*'
                      r'public\s+interface\s+(\w+)', src)
        if not m:
            continue
        bodies = interface_bodies(src)

        def walk(iface, prefix, seen=()):
            for mm in re.finditer(r'((?:@\w+(?:\([^)]*\))?\s*)*)([\w.<>?, \[\]]+?)\s+(\w+)\s*\(\s*\)\s*;',
                                  bodies.get(iface, "")):
                annotations, rtype, name = mm.groups()
                wn = re.search(r'@WithName\s*\(\s*"([^"]+)"', annotations)
                key = f"{prefix}.{wn.group(1) if wn else kebab(name)}"
                inner = re.sub(r"^(Optional|List|Set)<(.*)>$", r"\2", rtype.strip()).split(".")[-1]
                if inner in bodies and inner not in seen:
                    walk(inner, key, seen + (inner,))
                else:
                    keys.add(key)

        walk(m.group(2), m.group(1))
    return keys


CONFIG_CACHE = {}


def env_index(module):
    """{ENV_NAME: dotted key} for every key the module knows."""
    if module not in CONFIG_CACHE:
        keys = set(properties(module)) | mapping_keys(module) | STANDARD_KEYS
        CONFIG_CACHE[module] = {env_name(k): k for k in keys}
    return CONFIG_CACHE[module]


def check_config_env(var, module, where):
    what = f"{where}: {var}"
    if not var.startswith(CONFIG_ENV_PREFIXES):
        fail(what, f"configuration must come through {'/'.join(p + '*' for p in CONFIG_ENV_PREFIXES)} variables")
        return
    index = env_index(module)
    if var in index:
        ok(what)
    else:
        near = difflib.get_close_matches(var, index, n=1)
        fail(what, f"no configuration key of {module} has this environment name"
                   + (f" (did you mean {near[0]} = {index[near[0]]}?)" if near else ""))


# ---------------------------------------------------------------- modules

def reactor_modules():
    pom = re.sub(r"<!--.*?-->", "", read(os.path.join(ROOT, "pom.xml")), flags=re.S)
    return re.findall(r"<module>\s*([^<\s]+)\s*</module>", pom)


def maven_profiles():
    ids = set()
    for pom in [os.path.join(ROOT, "pom.xml")] + [os.path.join(ROOT, m, "pom.xml") for m in reactor_modules()]:
        if os.path.exists(pom):
            src = re.sub(r"<!--.*?-->", "", read(pom), flags=re.S)
            for prof in re.findall(r"<profile>(.*?)</profile>", src, flags=re.S):
                ids.update(re.findall(r"<id>\s*([^<\s]+)\s*</id>", prof)[:1])
    return ids


def http_port(module):
    value = properties(module).get("quarkus.http.port", {}).get(None)
    return int(value) if value and value.isdigit() else None


def management_port(module):
    """The management interface's port (health, metrics), or None when it is not enabled."""
    props = properties(module)
    if props.get("quarkus.management.enabled", {}).get(None) != "true":
        return None
    value = props.get("quarkus.management.port", {}).get(None)
    return int(value) if value and value.isdigit() else 9000


# ---------------------------------------------------------------- .dockerignore

def dockerignore_rules():
    path = os.path.join(ROOT, ".dockerignore")
    rules = []
    if not os.path.exists(path):
        return None
    for line in read(path).splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        neg = line.startswith("!")
        pat = os.path.normpath(line[1:] if neg else line).lstrip("/")
        rx = ""
        i = 0
        while i < len(pat):
            if pat.startswith("**/", i):
                rx += "(?:.*/)?"
                i += 3
            elif pat.startswith("**", i):
                rx += ".*"
                i += 2
            elif pat[i] == "*":
                rx += "[^/]*"
                i += 1
            elif pat[i] == "?":
                rx += "[^/]"
                i += 1
            else:
                rx += re.escape(pat[i])
                i += 1
        rules.append((neg, re.compile(rx + r"\Z")))
    return rules


def context_includes(rules, path):
    """Docker's rule: the last pattern matching the path or one of its parent directories decides."""
    parts = path.split("/")
    candidates = ["/".join(parts[:n]) for n in range(1, len(parts) + 1)]
    included = True
    for neg, rx in rules:
        if any(rx.match(c) for c in candidates):
            included = neg
    return included


def repo_files(under):
    base = os.path.join(ROOT, under)
    if os.path.isfile(base):
        return [under]
    found = []
    for d, dirs, files in os.walk(base):
        dirs[:] = [x for x in dirs if x not in ("target", ".git")]
        found += [rel(os.path.join(d, f)) for f in files]
    return found


# ---------------------------------------------------------------- Dockerfiles

PARSED = {}


def read_parsed(path):
    """The file as dockerfile-ast or yaml reads it (docker/lint/read.mjs, one run for all of docker/)."""
    if not PARSED:
        files = sorted(glob.glob(os.path.join(DOCKER, "*.Dockerfile")) + glob.glob(os.path.join(DOCKER, "compose*.yaml")))
        run = subprocess.run(["node", READ, *files], capture_output=True, text=True)
        if run.returncode != 0:
            raise ValueError(run.stderr.strip() or f"node {READ} failed")
        PARSED.update(json.loads(run.stdout))
    parsed = PARSED[path]
    if isinstance(parsed, dict) and "error" in parsed:
        raise ValueError(parsed["error"])
    return parsed


def parse_dockerfile(path):
    """[(lineno, INSTRUCTION, args)] and the header comment text."""
    lines = read(path).splitlines()
    header, i = [], 0
    while i < len(lines) and re.match(r"#\s*\w+\s*=", lines[i]):  # parser directives
        i += 1
    while i < len(lines) and (lines[i].startswith("#") or not lines[i].strip()):
        header.append(lines[i].lstrip("#"))
        i += 1
    return [tuple(ins) for ins in read_parsed(path)], "\n".join(header)


def split_flags(args):
    words = shlex.split(args)
    flags = {}
    while words and words[0].startswith("--"):
        k, _, v = words.pop(0)[2:].partition("=")
        flags[k] = v
    return flags, words


def check_dockerfile(path, compose_tags):
    name = os.path.basename(path)
    m = re.match(r"(.+)\.(jvm|native)\.Dockerfile$", name)
    if not check(m is not None, name, "name must be <module>.jvm.Dockerfile or <module>.native.Dockerfile"):
        return
    module, mode = m.groups()
    modules = reactor_modules()
    if not check(module in modules, name, f"{module} is not a module of the root pom ({', '.join(modules)})"):
        return
    try:
        instructions, header = parse_dockerfile(path)
        ok(f"{name} parses")
    except ValueError as e:
        fail(f"{name} parses", str(e))
        return

    # Header comment: the exact build and run commands.
    check(f"docker build -f docker/{name} -t " in header, f"{name} header",
          f"must show `docker build -f docker/{name} -t <tag> .`")
    check("docker run " in header, f"{name} header", "must show a `docker run` command")
    for var in re.findall(r"-e\s+([A-Za-z_][A-Za-z0-9_]*)=", header):
        check_config_env(var, module, f"{name} header docker run")
    # The database role in the header is the one that owns the database it names (postgres-init).
    header_env = dict(re.findall(r"-e\s+([A-Za-z_][A-Za-z0-9_]*)=(\S+)", header))
    header_db = re.match(r"jdbc:postgresql://[^/]+/(\w+)", header_env.get("QUARKUS_DATASOURCE_JDBC_URL", ""))
    if header_db:
        owner = postgres_init()["databases"].get(header_db.group(1))
        check(owner is not None and header_env.get("QUARKUS_DATASOURCE_USERNAME") == owner, f"{name} header docker run",
              f"QUARKUS_DATASOURCE_USERNAME must be the role that owns {header_db.group(1)} in docker/postgres-init ({owner})")
    for tag in compose_tags.get(name, ()):
        check(f"-t {tag} " in header, f"{name} header", f"build command must tag {tag}, the image compose uses")

    # Stages.
    if not any(ins == "FROM" for _, ins, _ in instructions):
        return  # dockerfile-utils has said why
    stages = []
    # Base images may be build arguments declared before the first FROM (docker/e2e builds on
    # stand-ins that way); their defaults are the production images, and those must be pinned.
    base_args = {}
    for lineno, ins, args in instructions:
        if ins == "FROM":
            break
        if ins == "ARG" and "=" in args:
            name, default = args.split("=", 1)
            base_args[name.strip()] = default.strip()
    for lineno, ins, args in instructions:
        if ins == "FROM":
            args = re.sub(r"\$\{(\w+)\}|\$(\w+)", lambda m: base_args.get(m.group(1) or m.group(2), m.group(0)), args)
            words = args.split()
            stage = {"image": words[0], "name": words[2] if len(words) >= 3 and words[1].upper() == "AS" else None,
                     "ins": [], "workdir": "/", "user": None}
            stages.append(stage)
        elif stages:
            stages[-1]["ins"].append((lineno, ins, args))
            if ins == "WORKDIR":
                stage["workdir"] = os.path.join(stage["workdir"], args)
            if ins == "USER":
                stage["user"] = args.split(":")[0]
        for image_ref in ([args.split()[0]] if ins == "FROM" else []):
            check(":" in image_ref.split("/")[-1] or "@" in image_ref, f"{name} FROM {image_ref}", "pin a tag")
    final, builds = stages[-1], {s["name"]: s for s in stages[:-1] if s["name"]}
    check(len(stages) >= 2 and bool(builds), f"{name} multi-stage", "must build in a named stage, run in another")
    check(final["user"] not in (None, "root", "0"), f"{name} USER", f"the final stage must run as a non-root user (has {final['user']})")

    port = http_port(module)
    exposed = [int(p.split("/")[0]) for _, ins, a in final["ins"] if ins == "EXPOSE" for p in a.split()]
    check(exposed == [port], f"{name} EXPOSE", f"exposes {exposed}, {module} listens on quarkus.http.port={port}")

    for lineno, ins, args in final["ins"]:
        if ins == "ENV":
            pairs = re.findall(r'([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\'[^\']*\'|\S+)', args) or [tuple(args.split(None, 1))]
            for var, _ in pairs:
                if var.startswith(CONFIG_ENV_PREFIXES):
                    check_config_env(var, module, f"{name}:{lineno} ENV")
        if ins in ("CMD", "ENTRYPOINT") and args.startswith("["):
            try:
                json.loads(args)
                ok(f"{name}:{lineno} {ins}")
            except ValueError:
                fail(f"{name}:{lineno} {ins}", "exec form must be a JSON array")

    # The Maven build in the build stage.
    rules = dockerignore_rules()
    profiles = maven_profiles()
    for stage in stages[:-1]:
        copied = []
        for lineno, ins, args in stage["ins"]:
            where = f"{name}:{lineno}"
            if ins == "ADD":
                fail(where, "use COPY; ADD fetches URLs and unpacks archives")
            if ins == "COPY":
                flags, words = split_flags(args)
                if "from" in flags:
                    continue
                for src in words[:-1]:
                    copied.append(src.rstrip("/"))
                    matches = glob.glob(os.path.join(ROOT, src))
                    if not check(bool(matches), where, f"COPY source {src} does not exist in the repository"):
                        continue
                    files = [f for mm in matches for f in repo_files(rel(mm))]
                    passed = [f for f in files if rules is None or context_includes(rules, f)]
                    check(bool(passed), where, f"COPY source {src}: .dockerignore leaves none of its files in the context")
            if ins == "RUN" and "./mvnw" in args:
                cmd = args[args.index("./mvnw"):]
                words = shlex.split(cmd)
                pl = words[words.index("-pl") + 1] if "-pl" in words else None
                check(pl == module, where, f"./mvnw must build -pl {module} (has -pl {pl})")
                check("-am" in words and "package" in words, where, "./mvnw needs -am and package")
                check("-B" in words, where, "./mvnw runs in batch mode (-B)")
                requested = [p for w in words if w.startswith("-P") and len(w) > 2 for p in w[2:].split(",")]
                requested += [p for i, w in enumerate(words) if w == "-P" for p in words[i + 1].split(",")]
                check(("native" in requested) == (mode == "native"), where,
                      "the native Dockerfile builds with -Pnative, the JVM one without")
                for p in requested:
                    pid = p.lstrip("!?")
                    if pid in profiles:
                        ok(f"{where} profile {pid}")
                    elif pid in PENDING_PROFILES:
                        print(f"WARN {where}: no pom defines profile {pid!r} yet (issue 5 adds it); "
                              f"until then Maven ignores -P{pid} with a warning")
                    else:
                        fail(where, f"no pom defines Maven profile {pid!r}")
        # Only a stage that runs the Maven build needs the reactor's inputs.
        if copied and any(ins == "RUN" and "./mvnw" in args for _, ins, args in stage["ins"]):
            for m in modules:
                check(f"{m}/pom.xml" in copied, f"{name} stage {stage['name']}",
                      f"must COPY {m}/pom.xml: Maven reads every module's pom to set up the reactor")
            for f in ("mvnw", ".mvn", "pom.xml", f"{module}/src"):
                check(f in copied, f"{name} stage {stage['name']}", f"must COPY {f}")
            if rules is not None:
                needed = ["mvnw", "pom.xml"] + repo_files(".mvn") + [f"{m}/pom.xml" for m in modules] \
                    + repo_files(f"{module}/src/main")
                dropped = [f for f in needed if not context_includes(rules, f)]
                check(not dropped, f"{name} build inputs", f".dockerignore drops {dropped[:5]}")

    # Build outputs copied into the runtime stage.
    for lineno, ins, args in final["ins"]:
        if ins != "COPY":
            continue
        flags, words = split_flags(args)
        where = f"{name}:{lineno}"
        if "from" not in flags:
            fail(where, "the runtime stage copies only from the build stage")
            continue
        stage = builds.get(flags["from"])
        if not check(stage is not None, where, f"--from={flags['from']} is no stage of this file"):
            continue
        for src in words[:-1]:
            prefix = stage["workdir"].rstrip("/") + f"/{module}/target/"
            if not check(src.startswith(prefix), where, f"{src} is not under the build's {prefix}"):
                continue
            out = src[len(prefix):]
            allowed = {"jvm": ["quarkus-app/lib/", "quarkus-app/*.jar", "quarkus-app/app/", "quarkus-app/quarkus/",
                               "quarkus-app/app.aot"],
                       "native": ["*-runner"]}[mode]
            check(out in allowed, where, f"{out} is not a {mode} build output ({', '.join(allowed)})")
            local = glob.glob(os.path.join(ROOT, module, "target", out))
            # app.aot exists only where the build recorded an AOT cache (JDK 25, as the image's build stage).
            if mode == "jvm" and out != "quarkus-app/app.aot" and os.path.isdir(os.path.join(ROOT, module, "target/quarkus-app")):
                check(bool(local), where, f"a local build has no {module}/target/{out}")
    if mode == "jvm":
        copied_outputs = [w for _, ins, a in final["ins"] if ins == "COPY" for w in split_flags(a)[1][:-1]]
        check(len(copied_outputs) == 5, f"{name} aot-jar", "copy lib/, *.jar, app/, quarkus/ and app.aot of target/quarkus-app")
        opts = next((a for _, ins, a in final["ins"] if ins == "ENV" and a.startswith("JAVA_OPTS_APPEND=")), "")
        check("-XX:AOTCache=/deployments/app.aot" in opts, f"{name} JAVA_OPTS_APPEND", "the JVM maps the copied AOT cache")


# ---------------------------------------------------------------- compose

IMAGE_ENV = {"postgres": {"POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB", "POSTGRES_INITDB_ARGS",
                          "PGDATA", "POSTGRES_PASSWORD_FILE"}}


def interpolate(value):
    """Compose variable interpolation with defaults, as a host without those variables sees it
    (a required variable, ${VAR:?message}, that is not set reads as <VAR>)."""
    if not isinstance(value, str):
        return value

    def one(m):
        name, op, arg = m.group(1), m.group(2) or "", m.group(3) or ""
        if "?" in op:
            return os.environ.get(name) or f"<{name}>"
        return os.environ.get(name) or arg
    value = re.sub(r"\$\{(\w+)(?:(:?[-?])([^}]*))?\}", one, value)
    return value.replace("$$", "$")


def host_variable(raw):
    """The variable a compose value is taken from when it is exactly ${VAR...} or $VAR, else None."""
    m = re.fullmatch(r"\$\{(\w+)(?::?[-?][^}]*)?\}|\$(\w+)", str(raw or ""))
    return (m.group(1) or m.group(2)) if m else None


# ---------------------------------------------------------------- PostgreSQL roles

def postgres_init():
    """What docker/postgres-init sets up: databases and their owners, the databases whose CONNECT is
    revoked from PUBLIC, the roles (superuser or not, and the environment variable each one's password
    comes from through a psql -v variable), and every variable the scripts read."""
    init = {"databases": {}, "revoked": set(), "roles": {}, "env": set()}
    for path in sorted(glob.glob(os.path.join(DOCKER, "postgres-init", "*"))):
        if not path.endswith((".sql", ".sh")):
            continue
        src = read(path)
        sql = re.sub(r"--[^\n]*", " ", src)
        psql_vars = {v: e for v, e in re.findall(r'-v\s+(\w+)="?\$\{?(\w+)\}?"?', src)}
        for db, owner in re.findall(r"CREATE\s+DATABASE\s+(\w+)(?:\s+WITH)?(?:\s+OWNER\s*=?\s*(\w+))?", sql, flags=re.I):
            init["databases"][db] = owner or None
        for db in re.findall(r"REVOKE\s+[^;]*\bCONNECT\b[^;]*\bON\s+DATABASE\s+(\w+)\s+FROM\s+PUBLIC", sql, flags=re.I):
            init["revoked"].add(db)
        for role, options in re.findall(r"CREATE\s+(?:ROLE|USER)\s+(\w+)([^;]*);", sql, flags=re.I):
            pw = re.search(r"PASSWORD\s+:'(\w+)'", options)
            init["roles"][role] = {"superuser": bool(re.search(r"\bSUPERUSER\b", options, flags=re.I)),
                                   "password_env": psql_vars.get(pw.group(1)) if pw else None}
        if path.endswith(".sh"):
            init["env"] |= set(re.findall(r"\$\{?([A-Z][A-Z0-9_]*)\}?", src))
    return init


def check_database_credentials(cname, services, init):
    """Each service connects as the role that owns its database and no other, with a password of its
    own: whoever holds one service's credentials must not reach the other's database (the cards-service
    must not be able to write the auth-service's refresh sessions)."""
    postgres = next((svc for svc in services.values() if isinstance(svc, dict)
                     and "postgres" in str(svc.get("image", "")).split(":")[0]), None)
    if postgres is None:
        return
    pg_env = postgres.get("environment") or {}
    superuser = interpolate(pg_env.get("POSTGRES_USER")) or "postgres"
    owners = {}  # (what is shared, its value) -> service
    if host_variable(pg_env.get("POSTGRES_PASSWORD")):
        owners[("password variable", host_variable(pg_env.get("POSTGRES_PASSWORD")))] = "postgres (superuser)"
    for sname, svc in services.items():
        if not isinstance(svc, dict) or not service_module(svc):
            continue
        env = svc.get("environment") or {}
        m = re.match(r"jdbc:postgresql://[^/]+/(\w+)", str(interpolate(env.get("QUARKUS_DATASOURCE_JDBC_URL")) or ""))
        if not m:
            continue
        db = m.group(1)
        what = f"{cname} {sname} database {db}"
        user = interpolate(env.get("QUARKUS_DATASOURCE_USERNAME"))
        owner = init["databases"].get(db)
        check(owner is not None, what, f"docker/postgres-init must create {db} owned by a role of its own "
                                       f"(CREATE DATABASE {db} OWNER <role>)")
        check(db in init["revoked"], what, f"docker/postgres-init must REVOKE CONNECT ON DATABASE {db} FROM PUBLIC: "
                                           "PostgreSQL lets every role connect to a new database")
        check(user != superuser, what, f"connects as the superuser {superuser}")
        if owner:
            check(user == owner, what, f"connects as {user}, but {db} is owned by {owner}: "
                                       "a service connects as the role that owns its database")
        role = init["roles"].get(user)
        if check(role is not None, what, f"docker/postgres-init creates no role {user}"):
            check(not role["superuser"], what, f"role {user} must not be a SUPERUSER")
        raw = env.get("QUARKUS_DATASOURCE_PASSWORD")
        var = host_variable(raw)
        if check(var is not None, what, f"QUARKUS_DATASOURCE_PASSWORD must come from a variable, not {raw!r}"):
            check(not re.search(r":?-", str(raw)), what, f"{raw}: a default password is known to everyone (and to the "
                                                          "other service); require it: ${" + var + ":?...}")
            role_var = (role or {}).get("password_env")
            if check(role_var is not None, what, f"docker/postgres-init must set {user}'s password from the "
                                                 "environment (CREATE ROLE ... PASSWORD :'psql variable', psql -v)"):
                check(host_variable(pg_env.get(role_var)) == var, what,
                      f"postgres-init sets {user}'s password from the postgres service's {role_var} "
                      f"({pg_env.get(role_var)!r}), but {sname} reads ${{{var}}}")
        for shared, value in (("database", db), ("role", user), ("password variable", var)):
            if value is None:
                continue
            other = owners.setdefault((shared, value), sname)
            check(other == sname, what, f"{sname} and {other} share the {shared} {value}: "
                                        "each service needs credentials of its own")


def merged(base, override):
    """compose.yaml with an override file laid over it: services' keys replaced, environments merged."""
    services = {name: dict(svc) if isinstance(svc, dict) else svc for name, svc in (base.get("services") or {}).items()}
    for name, svc in ((override or {}).get("services") or {}).items():
        if not isinstance(svc, dict):
            continue
        target = services.setdefault(name, {})
        for key, value in svc.items():
            if key == "environment" and isinstance(value, dict) and isinstance(target.get(key), dict):
                target[key] = {**target[key], **value}
            else:
                target[key] = value
    return services


def load_compose(path, what):
    try:
        doc = read_parsed(path)
        ok(f"{what} is read")
    except ValueError as e:
        fail(f"{what} is read", str(e))
        return None
    if not check(isinstance(doc, dict) and isinstance(doc.get("services"), dict), what, "needs a services mapping"):
        return None
    return doc


def service_module(svc):
    build = svc.get("build") or {}
    df = build.get("dockerfile", "") if isinstance(build, dict) else ""
    m = re.match(r"(?:.*/)?(.+)\.(jvm|native)\.Dockerfile$", df)
    return m.group(1) if m else None


def check_build(sname, svc, cdir, what):
    build = svc.get("build")
    if build is None:
        return
    if not check(isinstance(build, dict), what, "build needs context and dockerfile"):
        return
    context = os.path.normpath(os.path.join(cdir, build.get("context", ".")))
    check(context == ROOT, what, f"build context must be the repository root (where .dockerignore is), is {rel(context)}")
    dockerfile = os.path.join(context, build.get("dockerfile", "Dockerfile"))
    check(os.path.isfile(dockerfile), what, f"dockerfile {build.get('dockerfile')} does not exist")
    check(service_module(svc) in reactor_modules(), what, "dockerfile must be docker/<module>.<jvm|native>.Dockerfile")
    check(bool(svc.get("image")), what, "name the built image (image:) so it matches the documented tag")


def check_compose(path, readme):
    cname = f"docker/{os.path.basename(path)}"
    doc = load_compose(path, cname)
    if doc is None:
        return {}
    cdir = os.path.dirname(path)
    services = doc["services"]
    tags = {}
    for sname, svc in services.items():
        what = f"{cname} {sname}"
        if not check(isinstance(svc, dict), what, "service must be a mapping"):
            continue
        check_build(sname, svc, cdir, what)
        if svc.get("build") and svc.get("image"):
            tags.setdefault(os.path.basename(svc["build"]["dockerfile"]), []).append(svc["image"])
    if "compose.yaml" != os.path.basename(path):
        return tags  # an override file: its services are completed by compose.yaml

    top_secrets = doc.get("secrets") or {}
    top_volumes = doc.get("volumes") or {}
    for sec, spec in top_secrets.items():
        what = f"{cname} secret {sec}"
        f = (spec or {}).get("file")
        if not check(bool(f), what, "needs file:"):
            continue
        check(f.lstrip("./") in readme or f in readme, what, f"{f} is not documented in docker/README.md")
        relpath = rel(os.path.normpath(os.path.join(cdir, f)))
        gi = os.path.join(DOCKER, ".gitignore")
        ignored = os.path.exists(gi) and any(relpath.startswith("docker/" + l.strip().rstrip("/"))
                                             for l in read(gi).splitlines() if l.strip() and not l.startswith("#"))
        check(ignored, what, f"{relpath} must be git-ignored (docker/.gitignore)")

    def port_of(name):
        mod = service_module(services.get(name) or {})
        return http_port(mod) if mod else (5432 if "postgres" in str((services.get(name) or {}).get("image")) else None)

    init = postgres_init()
    init_dbs = set(init["databases"])
    check(bool(init_dbs), f"{cname} postgres-init", "docker/postgres-init creates no database")

    for sname, svc in services.items():
        if not isinstance(svc, dict):
            continue
        what = f"{cname} {sname}"
        module = service_module(svc)
        env = svc.get("environment") or {}
        if not check(isinstance(env, dict), what, "write environment as a mapping"):
            env = {}
        env = {k: interpolate(v) for k, v in env.items()}

        # Environment: configuration keys that exist.
        if module:
            for var in env:
                check_config_env(var, module, f"{what} environment")
        else:
            image = str(svc.get("image", "")).split(":")[0].split("/")[-1]
            # The init scripts' own variables are documented there (the passwords they give the roles).
            known = IMAGE_ENV.get(image, set()) | (init["env"] if image == "postgres" else set())
            for var in env:
                check(var in known, f"{what} environment: {var}",
                      f"not a variable the {image} image documents or docker/postgres-init reads")

        # Ports: the container side is the service's quarkus.http.port and its EXPOSE.
        port = port_of(sname)
        for p in svc.get("ports") or []:
            container = int(str(p).split(":")[-1].split("/")[0])
            check(container == port, f"{what} ports {p}", f"container port must be {port}")
        if module:
            check(bool(svc.get("ports")), what, f"publish port {port}")

        # Healthcheck, and depends_on waiting for it.
        hc = svc.get("healthcheck")
        if check(isinstance(hc, dict) and hc.get("test"), what, "needs a healthcheck"):
            test = hc["test"]
            check(isinstance(test, list) and test[0] in ("CMD", "CMD-SHELL"), what, "healthcheck test: [\"CMD\", ...]")
            joined = " ".join(map(str, test))
            if module:
                # Health is served on the management interface when it is enabled, never on the public port.
                probe = management_port(module) or port
                check(f"/dev/tcp/127.0.0.1/{probe}" in joined or f"localhost:{probe}" in joined, what,
                      f"healthcheck must probe port {probe}")
                check("/q/health/ready" in joined, what, "healthcheck must ask /q/health/ready")
                check("smallrye-health" in read(os.path.join(ROOT, module, "pom.xml")), what,
                      f"{module} has no quarkus-smallrye-health, so /q/health/ready does not exist")
            if "pg_isready" in joined and "-d" in test:
                db = test[test.index("-d") + 1]
                check(db in init_dbs, what, f"pg_isready waits for {db}, which postgres-init does not create")
        deps = svc.get("depends_on") or {}
        for dep, cond in (deps.items() if isinstance(deps, dict) else [(d, None) for d in deps]):
            if check(dep in services, what, f"depends_on {dep}: no such service"):
                check((cond or {}).get("condition") == "service_healthy", what, f"depends_on {dep}: use condition: service_healthy")
                check(bool((services[dep] or {}).get("healthcheck")), what, f"{dep} has no healthcheck to wait for")

        # Secrets: declared at the top, and every /run/secrets/ path in the environment is mounted.
        mounted = set()
        for s in svc.get("secrets") or []:
            source, target = (s, s) if isinstance(s, str) else (s.get("source"), s.get("target") or s.get("source"))
            check(source in top_secrets, what, f"secret {source} is not declared under secrets:")
            mounted.add(target if str(target).startswith("/") else f"/run/secrets/{target}")
        for var, value in env.items():
            if str(value).startswith("/run/secrets/"):
                check(value in mounted, f"{what} {var}", f"{value} is not a mounted secret ({sorted(mounted)})")

        # Volumes: bind sources exist, named volumes are declared.
        for v in svc.get("volumes") or []:
            source = str(v).split(":")[0]
            if source.startswith((".", "/")):
                check(os.path.exists(os.path.join(cdir, source)), what, f"volume source {source} does not exist")
            else:
                check(source in top_volumes, what, f"named volume {source} is not declared under volumes:")

        # URLs and JDBC URLs point at a service of this file on its port; databases exist.
        for var, value in env.items():
            value = str(value)
            m = re.match(r"(?:jdbc:postgresql|https?)://([\w.-]+):(\d+)(/[^?]*)?", value)
            if not m:
                continue
            host, p, pth = m.group(1), int(m.group(2)), m.group(3) or ""
            if host == "localhost" and not value.startswith("jdbc:"):
                # A URL a browser on the host uses (the web app's): a port some service publishes.
                published = {int(str(q).split(":")[-2]) for sv in services.values() if isinstance(sv, dict)
                             for q in sv.get("ports") or [] if str(q).count(":") >= 1}
                check(p in published, f"{what} {var}", f"no service publishes localhost:{p}")
                continue
            if check(host in services, f"{what} {var}", f"{host} is not a service of this compose file"):
                check(p == port_of(host), f"{what} {var}", f"{host} listens on {port_of(host)}, not {p}")
            if value.startswith("jdbc:"):
                check(pth.strip("/") in init_dbs, f"{what} {var}", f"database {pth.strip('/')} is not created by docker/postgres-init")
            elif service_module(services.get(host) or {}):
                target_src = "".join(read(f) for f in glob.glob(
                    os.path.join(ROOT, service_module(services[host]), "src/main/java/**/*.java"), recursive=True))
                check(pth in target_src, f"{what} {var}", f"{host} serves no {pth}")
                # What the verifier expects must be what the issuer writes.
                for verify, issue in (("MP_JWT_VERIFY_ISSUER", "AUTH_ISSUER"), ("MP_JWT_VERIFY_AUDIENCES", "AUTH_AUDIENCE")):
                    if verify in env:
                        theirs = interpolate((services[host].get("environment") or {}).get(issue))
                        check(env[verify] == theirs, f"{what} {verify}", f"is {env[verify]!r}, {host} has {issue}={theirs!r}")
    return tags


def check_credentials(compose_files, readme):
    """The database credentials of compose.yaml, and of compose.yaml with each override laid over it."""
    base_path = os.path.join(DOCKER, "compose.yaml")
    if base_path not in compose_files:
        return
    try:
        base = read_parsed(base_path)
    except ValueError:
        return  # check_compose has said why
    init = postgres_init()
    for path in compose_files:
        cname = f"docker/{os.path.basename(path)}"
        try:
            services = base["services"] if path == base_path else merged(base, read_parsed(path))
        except ValueError:
            continue
        check_database_credentials(cname if path == base_path else f"{cname} over docker/compose.yaml", services, init)
    # The passwords are required variables: the README says how to set them, in a git-ignored file.
    pg_env = next((svc.get("environment") or {} for svc in base["services"].values()
                   if isinstance(svc, dict) and "postgres" in str(svc.get("image", ""))), {})
    for var in filter(None, (host_variable(v) for v in pg_env.values())):
        check(var in readme, f"docker/compose.yaml ${var}", "not documented in docker/README.md")
    gi = os.path.join(DOCKER, ".gitignore")
    check(os.path.exists(gi) and ".env" in [l.strip() for l in read(gi).splitlines()], "docker/.gitignore",
          "must ignore .env, where the database passwords are kept")


# ---------------------------------------------------------------- main

def main():
    readme_path = os.path.join(DOCKER, "README.md")
    readme = read(readme_path) if check(os.path.exists(readme_path), "docker/README.md", "missing") else ""
    compose_files = sorted(glob.glob(os.path.join(DOCKER, "compose*.yaml")))
    check(os.path.join(DOCKER, "compose.yaml") in compose_files, "docker/compose.yaml", "missing")
    check(os.path.exists(os.path.join(ROOT, ".dockerignore")), ".dockerignore", "missing at the repository root")
    rules = dockerignore_rules()
    if rules is not None:
        check(not context_includes(rules, "README.md"), ".dockerignore", "must be a whitelist: start with `*`")
        for m in reactor_modules():
            check(not context_includes(rules, f"{m}/target/quarkus-app/quarkus-run.jar"), ".dockerignore",
                  f"lets {m}/target/ into the context")
    tags = {}
    for path in compose_files:
        for k, v in check_compose(path, readme).items():
            tags.setdefault(k, []).extend(v)
    check_credentials(compose_files, readme)
    dockerfiles = sorted(glob.glob(os.path.join(DOCKER, "*.Dockerfile")))
    services = [m for m in reactor_modules() if http_port(m)]
    for m in services:
        for mode in ("jvm", "native"):
            check(os.path.join(DOCKER, f"{m}.{mode}.Dockerfile") in dockerfiles, f"docker/{m}.{mode}.Dockerfile", "missing")
    for path in dockerfiles:
        check_dockerfile(path, tags)
        check(os.path.basename(path) in readme, f"docker/{os.path.basename(path)}", "not mentioned in docker/README.md")

    print(f"docker-check: {PASSED} passed, {len(FAILED)} failed")
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
