// Starts the packaged auth-service (embedded database, throw-away key) on a free loopback port,
// with its issuer set to the URL it is reached at and a public and a confidential client for these
// tests. Both opt in to the password grant, which no client has by default (RFC 9700 §2.4).
import { createHash, randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { freePort, repositoryRoot, startPackagedService } from '../../../../test-support/node/packaged-service.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const jar = process.env.AUTH_JAR ?? join(repositoryRoot, 'auth-service/target/local-app/quarkus-run.jar');

export const PUBLIC_CLIENT = 'node-public';
export const CONFIDENTIAL_CLIENT = 'node-peer';
export const CONFIDENTIAL_SECRET = 'node-peer-secret';
export const PASSWORD = 'correct horse battery staple';
export const AUDIENCE = 'cards-service';

export async function startAuthService() {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const secretSha256 = createHash('sha256').update(CONFIDENTIAL_SECRET).digest('hex');
  const service = await startPackagedService({
    name: 'auth-service', jar, port, logDirectory: join(here, '../../target'),
    properties: {
      // Every peer signs up from 127.0.0.1, so lift the per-address quota.
      'auth.signup-limit.max-per-address': '1000',
      'auth.issuer': issuer,
      [`auth.oauth.clients.${PUBLIC_CLIENT}.type`]: 'public',
      [`auth.oauth.clients.${PUBLIC_CLIENT}.grant-types`]: 'password,refresh_token',
      [`auth.oauth.clients.${CONFIDENTIAL_CLIENT}.type`]: 'confidential',
      [`auth.oauth.clients.${CONFIDENTIAL_CLIENT}.secret-sha256`]: secretSha256,
      [`auth.oauth.clients.${CONFIDENTIAL_CLIENT}.grant-types`]: 'password,refresh_token',
    },
  });
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
      return service.stop();
    },
  };
}
