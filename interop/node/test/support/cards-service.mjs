// Starts the packaged cards-service (embedded database) on a free loopback port, trusting the
// tokens of the auth-service at `issuer`: the resource server the DPoP peers call with their tokens.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { freePort, repositoryRoot, startPackagedService } from '../../../../test-support/node/packaged-service.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const jar = process.env.CARDS_JAR ?? join(repositoryRoot, 'cards-service/target/local-app/quarkus-run.jar');

export async function startCardsService(issuer) {
  const port = await freePort();
  const service = await startPackagedService({
    name: 'cards-service', jar, port, logDirectory: join(here, '../../target'),
    properties: {
      'mp.jwt.verify.issuer': issuer,
      'mp.jwt.verify.publickey.location': `${issuer}/.well-known/jwks.json`,
    },
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => service.stop() };
}
