// jose, unmodified: the access token verifies against the published JWKS with RFC 9068's checks,
// and a DPoP-bound one carries the thumbprint of the key that made the proof (RFC 9449 §6).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';

import { SignJWT, calculateJwkThumbprint, createRemoteJWKSet, errors, exportJWK, generateKeyPair, jwtVerify } from 'jose';

import { AUDIENCE, PASSWORD, PUBLIC_CLIENT } from './support/auth-service.mjs';

async function accessToken(server) {
  const response = await fetch(`${server.issuer}/oauth2/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: PUBLIC_CLIENT, username: await server.newUser(), password: PASSWORD }),
  });
  assert.equal(response.status, 200);
  return (await response.json()).access_token;
}

/** A DPoP proof (RFC 9449 §4.2) for the token endpoint, signed by jose. */
async function tokenProof(server, key, nonce) {
  return new SignJWT({ htm: 'POST', htu: `${server.issuer}/oauth2/token`, jti: randomUUID(), ...(nonce ? { nonce } : {}) })
    .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: await exportJWK(key.publicKey) })
    .setIssuedAt()
    .sign(key.privateKey);
}

/** A password grant with a proof: the first answer asks for the server's nonce (§8), the second has the token. */
async function boundAccessToken(server, key) {
  const body = new URLSearchParams({ grant_type: 'password', client_id: PUBLIC_CLIENT, username: await server.newUser(), password: PASSWORD });
  const request = async (nonce) => fetch(`${server.issuer}/oauth2/token`,
    { method: 'POST', body, headers: { DPoP: await tokenProof(server, key, nonce) } });
  const first = await request();
  assert.equal(first.status, 400);
  assert.equal((await first.json()).error, 'use_dpop_nonce');
  const second = await request(first.headers.get('dpop-nonce'));
  assert.equal(second.status, 200);
  const tokens = await second.json();
  assert.equal(tokens.token_type, 'DPoP');
  return tokens.access_token;
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

    test('a DPoP-bound access token verifies against the JWKS and its cnf.jkt is the proof key\'s thumbprint', async () => {
      const key = await generateKeyPair('ES256');
      const jwks = createRemoteJWKSet(new URL(`${server.issuer}/.well-known/jwks.json`));
      const { payload } = await jwtVerify(await boundAccessToken(server, key), jwks,
        { issuer: server.issuer, audience: AUDIENCE, typ: 'at+jwt', algorithms: ['ES256'] });
      assert.equal(payload.cnf.jkt, await calculateJwkThumbprint(await exportJWK(key.publicKey), 'sha256'));
    });
  });
}
