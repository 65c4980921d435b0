// Starts the two packaged services (local-app jars: embedded database, throw-away key) on free
// ports with 3-second access tokens, the way the README's run command does, with the auth-service
// allowing the cards-service's origin http://localhost:<port>.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../../..');
export const target = join(root, 'cards-service/web/target');
const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin/java') : 'java';
export const ACCESS_TOKEN_SECONDS = 3;

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    }).on('error', fail);
  });
}

async function start(name, jar, port, properties) {
  if (!existsSync(jar)) throw new Error(`${jar} is missing: build it with ./mvnw package -DskipTests`);
  const management = await freePort();
  mkdirSync(target, { recursive: true });
  const log = createWriteStream(join(target, `${name}.log`));
  const child = spawn(java, [
    '-Xmx192m', '-Dquarkus.profile=local', `-Dquarkus.http.port=${port}`, '-Dquarkus.http.host=127.0.0.1',
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
    if (exited) throw new Error(`The ${name} exited at start; see ${join(target, `${name}.log`)}`);
    try {
      if ((await fetch(`http://127.0.0.1:${management}/q/health/ready`)).status === 200) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`The ${name} was not ready after 120 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    managementUrl: `http://127.0.0.1:${management}`,
    stop: () => new Promise((ok) => { if (exited) ok(); else { child.on('exit', ok); child.kill('SIGTERM'); } }),
  };
}

export async function startServices() {
  const authPort = await freePort();
  const cardsPort = await freePort();
  const authUrl = `http://localhost:${authPort}`;
  const webUrl = `http://localhost:${cardsPort}`;
  const [auth, cards] = await Promise.all([
    start('auth-service', join(root, 'auth-service/target/local-app/quarkus-run.jar'), authPort, {
      'auth.issuer': authUrl,
      'auth.access-token.lifetime': `${ACCESS_TOKEN_SECONDS}S`,
      // A retired refresh token is refused at once, so a rotation the tests did not expect shows.
      'auth.refresh-token.reuse-grace': '0S',
      'quarkus.http.cors.origins': webUrl,
    }),
    start('cards-service', join(root, 'cards-service/target/local-app/quarkus-run.jar'), cardsPort, {
      'cards.web.auth-url': authUrl,
      'mp.jwt.verify.issuer': authUrl,
      'mp.jwt.verify.publickey.location': `${authUrl}/.well-known/jwks.json`,
      // SmallRye JWT reads 0 as its 60 s default: 1 s is the smallest skew.
      'mp.jwt.verify.clock.skew': '1',
    }),
  ]);
  return {
    authUrl,
    webUrl,
    otherSiteUrl: `http://127.0.0.1:${cardsPort}`,
    /** Refreshes the auth-service has answered, by outcome, from its metrics. */
    async refreshes() {
      const text = await (await fetch(`${auth.managementUrl}/q/metrics`)).text();
      const counts = {};
      for (const [, outcome, value] of text.matchAll(/^auth_refreshes_total\{[^}]*outcome="([^"]+)"[^}]*\} ([0-9.eE+]+)$/gm)) {
        counts[outcome] = (counts[outcome] ?? 0) + Number(value);
      }
      return counts;
    },
    stop: () => Promise.all([auth.stop(), cards.stop()]),
  };
}
