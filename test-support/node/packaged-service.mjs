// Starts a packaged Quarkus service (a fast-jar) for the Node and browser tests: the `local`
// profile (embedded database, throw-away key) on free loopback ports, its log in a file, and
// resolves once the management interface reports it ready. Used by interop/node and
// cards-service/browser-test.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin/java') : 'java';

export function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    }).on('error', fail);
  });
}

/**
 * @param {object} options
 * @param {string} options.name the service, e.g. 'auth-service' (also the log file's name)
 * @param {string} options.jar path of quarkus-run.jar
 * @param {number} [options.port] HTTP port (a free one by default)
 * @param {Record<string, string>} options.properties system properties (-Dkey=value)
 * @param {string} options.logDirectory where `<name>.log` goes
 */
export async function startPackagedService({ name, jar, port, properties = {}, logDirectory }) {
  if (!existsSync(jar)) throw new Error(`${jar} is missing: build it with ./mvnw package -DskipTests`);
  const httpPort = port ?? await freePort();
  const management = await freePort();
  mkdirSync(logDirectory, { recursive: true });
  const logFile = join(logDirectory, `${name}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(java, [
    '-Xmx256m', '-Dquarkus.profile=local', `-Dquarkus.http.port=${httpPort}`, '-Dquarkus.http.host=127.0.0.1',
    // Health is on the management interface.
    `-Dquarkus.management.port=${management}`, '-Dquarkus.management.host=127.0.0.1',
    ...Object.entries(properties).map(([key, value]) => `-D${key}=${value}`),
    '-jar', jar,
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = false;
  child.on('exit', () => { exited = true; });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`The ${name} exited at start; see ${logFile}`);
    try {
      if ((await fetch(`http://127.0.0.1:${management}/q/health/ready`)).status === 200) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`The ${name} was not ready after 120 s; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port: httpPort,
    managementUrl: `http://127.0.0.1:${management}`,
    stop: () => new Promise((ok) => { if (exited) ok(); else { child.on('exit', ok); child.kill('SIGTERM'); } }),
  };
}
