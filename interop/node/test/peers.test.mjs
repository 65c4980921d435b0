// One auth-service for every peer: the libraries' own tests register on it.
import { after, before } from 'node:test';

import { startAuthService } from './support/auth-service.mjs';
import { joseTests } from './jose.mjs';
import { oauth4webapiTests } from './oauth4webapi.mjs';
import { openidClientTests } from './openid-client.mjs';

const server = {};

before(async () => Object.assign(server, await startAuthService()));
after(async () => server.stop?.());

oauth4webapiTests(server);
openidClientTests(server);
joseTests(server);
