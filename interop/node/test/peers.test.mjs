// One auth-service for every peer, and a cards-service trusting it for the DPoP-bound tokens: the
// libraries' own tests register on them.
import { after, before } from 'node:test';

import { startAuthService } from './support/auth-service.mjs';
import { startCardsService } from './support/cards-service.mjs';
import { joseTests } from './jose.mjs';
import { oauth4webapiDpopTests } from './oauth4webapi-dpop.mjs';
import { oauth4webapiTests } from './oauth4webapi.mjs';
import { openidClientTests } from './openid-client.mjs';

const server = {};
let cards;

before(async () => {
  Object.assign(server, await startAuthService());
  cards = await startCardsService(server.issuer);
  server.cardsUrl = cards.url;
});
after(async () => Promise.all([server.stop?.(), cards?.stop()]));

oauth4webapiTests(server);
oauth4webapiDpopTests(server);
openidClientTests(server);
joseTests(server);
