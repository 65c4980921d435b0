// jose, unmodified: the access token verifies against the published JWKS with RFC 9068's checks.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { createRemoteJWKSet, errors, jwtVerify } from 'jose';

import { AUDIENCE, PASSWORD, PUBLIC_CLIENT } from './support/auth-service.mjs';

async function accessToken(server) {
  const response = await fetch(`${server.issuer}/oauth2/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: PUBLIC_CLIENT, username: await server.newUser(), password: PASSWORD }),
  });
  assert.equal(response.status, 200);
  return (await response.json()).access_token;
}

export function joseTests(server) {
  describe('jose', () => {
    test('jwtVerify with the remote JWKS, issuer, audience, typ at+jwt and ES256', async () => {
      const metadata = await (await fetch(`${server.issuer}/.well-known/oauth-authorization-server`)).json();
      const jwks = createRemoteJWKSet(new URL(metadata.jwks_uri));
      const { payload, protectedHeader } = await jwtVerify(await accessToken(server), jwks,
        { issuer: server.issuer, audience: AUDIENCE, typ: 'at+jwt', algorithms: ['ES256'] });
      assert.equal(protectedHeader.typ, 'at+jwt');
      assert.equal(payload.client_id, PUBLIC_CLIENT);
    });

    test('the typ check is real: expecting plain JWT fails', async () => {
      const jwks = createRemoteJWKSet(new URL(`${server.issuer}/.well-known/jwks.json`));
      await assert.rejects(jwtVerify(await accessToken(server), jwks, { issuer: server.issuer, audience: AUDIENCE, typ: 'JWT' }),
        errors.JWTClaimValidationFailed);
    });
  });
}
