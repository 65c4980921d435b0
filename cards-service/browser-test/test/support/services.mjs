// Starts the two packaged services (local-app jars) on free ports with 3-second access tokens (or
// as many seconds as asked), the way the README's run command does, with the auth-service allowing
// the cards-service's origin http://localhost:<port>, and the cards-service reading that
// auth-service's deleted accounts every second (the local profiles' throwaway client secret).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { freePort, repositoryRoot, startPackagedService } from '../../../../test-support/node/packaged-service.mjs';

export const target = join(dirname(fileURLToPath(import.meta.url)), '../../target');
export const ACCESS_TOKEN_SECONDS = 3;

export async function startServices({ accessTokenSeconds = ACCESS_TOKEN_SECONDS } = {}) {
  const authPort = await freePort();
  const cardsPort = await freePort();
  const authUrl = `http://localhost:${authPort}`;
  const webUrl = `http://localhost:${cardsPort}`;
  const [auth, cards] = await Promise.all([
    startPackagedService({
      name: 'auth-service', jar: join(repositoryRoot, 'auth-service/target/local-app/quarkus-run.jar'), port: authPort,
      logDirectory: target,
      properties: {
        'auth.issuer': authUrl,
        'auth.access-token.lifetime': `${accessTokenSeconds}S`,
        // Its own check of access tokens (/auth/me, /auth/sessions...) refuses them a second after exp.
        'auth.access-token.clock-skew': '1S',
        // A retired refresh token is refused at once, so a rotation the tests did not expect shows.
        'auth.refresh-token.reuse-grace': '0S',
        'quarkus.http.cors.origins': webUrl,
      },
    }),
    startPackagedService({
      name: 'cards-service', jar: join(repositoryRoot, 'cards-service/target/local-app/quarkus-run.jar'), port: cardsPort,
      logDirectory: target,
      properties: {
        'cards.web.auth-url': authUrl,
        'mp.jwt.verify.issuer': authUrl,
        'mp.jwt.verify.publickey.location': `${authUrl}/.well-known/jwks.json`,
        // An expired token is refused a second after its exp (0, none, works too).
        'mp.jwt.verify.clock.skew': '1',
        'cards.account-deletions.auth-url': authUrl,
        'cards.account-deletions.interval': '1S',
      },
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
