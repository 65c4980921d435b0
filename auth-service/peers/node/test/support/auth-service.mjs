// Starts the packaged auth-service (embedded database, throw-away key) on a free loopback port,
// with its issuer set to the URL it is reached at and a confidential client for these tests.
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../../../..');
const jar = process.env.AUTH_JAR ?? join(root, 'auth-service/target/local-app/quarkus-run.jar');
const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin/java') : 'java';

export const PUBLIC_CLIENT = 'cards-cli';
export const CONFIDENTIAL_CLIENT = 'node-peer';
export const CONFIDENTIAL_SECRET = 'node-peer-secret';
export const PASSWORD = 'correct horse battery staple';
export const AUDIENCE = 'cards-service';

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    }).on('error', fail);
  });
}

export async function startAuthService() {
  if (!existsSync(jar)) {
    throw new Error(`${jar} is missing: build it with ./mvnw -pl auth-service package -DskipTests`);
  }
  const port = await freePort();
  const managementPort = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const secretSha256 = createHash('sha256').update(CONFIDENTIAL_SECRET).digest('hex');
  mkdirSync(join(here, '../../target'), { recursive: true });
  const log = createWriteStream(join(here, '../../target/auth-service.log'));
  const child = spawn(java, [
    '-Xmx256m', '-Dquarkus.profile=local', `-Dquarkus.http.port=${port}`, '-Dquarkus.http.host=127.0.0.1',
    // Health is on the management interface; every peer signs up from 127.0.0.1, so lift the per-address quota.
    `-Dquarkus.management.port=${managementPort}`, '-Dquarkus.management.host=127.0.0.1',
    '-Dauth.signup-limit.max-per-address=1000',
    `-Dauth.issuer=${issuer}`,
    `-Dauth.oauth.clients.${CONFIDENTIAL_CLIENT}.type=confidential`,
    `-Dauth.oauth.clients.${CONFIDENTIAL_CLIENT}.secret-sha256=${secretSha256}`,
    `-Dauth.oauth.clients.${CONFIDENTIAL_CLIENT}.grant-types=password,refresh_token`,
    '-jar', jar,
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = false;
  child.on('exit', () => { exited = true; });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error('The auth-service exited at start; see auth-service/peers/node/target/auth-service.log');
    try {
      if ((await fetch(`http://127.0.0.1:${managementPort}/q/health/ready`)).status === 200) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error('The auth-service was not ready after 120 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    issuer,
    async newUser() {
      const email = `node-${randomUUID()}@example.com`;
      const response = await fetch(`${issuer}/auth/signup`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }),
      });
      if (response.status !== 201) throw new Error(`sign-up answered ${response.status}`);
      return email;
    },
    stop() {
      return new Promise((ok) => { if (exited) ok(); else { child.on('exit', ok); child.kill('SIGTERM'); } });
    },
  };
}
