// oauth4webapi, unmodified, with its DPoP support (RFC 9449): the auth-service's nonce round (§8),
// a refresh token bound to the key, and the bound access token accepted by the cards-service (§7).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { decodeJwt } from 'jose';
import * as oauth from 'oauth4webapi';

import { PASSWORD, PUBLIC_CLIENT } from './support/auth-service.mjs';

// Plain http on loopback: the library's documented switch for it, nothing else changed.
const insecure = { [oauth.allowInsecureRequests]: true };
const client = { client_id: PUBLIC_CLIENT };
const clientAuth = oauth.None();

async function discover(issuer) {
  const url = new URL(issuer);
  return oauth.processDiscoveryResponse(url, await oauth.discoveryRequest(url, { algorithm: 'oauth2', ...insecure }));
}

/** A new DPoP handle with its own key, and a count of the nonce rounds it went through. */
async function dpopKey() {
  const handle = oauth.DPoP(client, await oauth.generateKeyPair('ES256'));
  return { handle, rounds: 0 };
}

/**
 * The library's documented pattern: the handle keeps each answer's DPoP-Nonce, and a request
 * refused with use_dpop_nonce (isDPoPNonceError) is sent once more, now with the nonce.
 */
async function withNonceRetry(key, attempt) {
  try {
    return await attempt();
  } catch (error) {
    if (!oauth.isDPoPNonceError(error)) throw error;
    key.rounds += 1;
    return attempt();
  }
}

const passwordGrant = (as, username, key) => withNonceRetry(key, async () => oauth.processGenericTokenEndpointResponse(as, client,
  await oauth.genericTokenEndpointRequest(as, client, clientAuth, 'password',
    new URLSearchParams({ username, password: PASSWORD }), { DPoP: key.handle, ...insecure })));

const refreshGrant = (as, refreshToken, key) => withNonceRetry(key, async () => oauth.processRefreshTokenResponse(as, client,
  await oauth.refreshTokenGrantRequest(as, client, clientAuth, refreshToken, { DPoP: key?.handle, ...insecure })));

const cardsCall = (key, token, method, url, body) => withNonceRetry(key, () => oauth.protectedResourceRequest(token, method, url,
  new Headers(body ? { 'content-type': 'application/json' } : {}), body ? JSON.stringify(body) : null, { DPoP: key.handle, ...insecure }));

export function oauth4webapiDpopTests(server) {
  describe('oauth4webapi with DPoP', () => {
    test('the metadata lists the DPoP proof algorithms', async () => {
      const as = await discover(server.issuer);
      assert.ok(as.dpop_signing_alg_values_supported.includes('ES256'), as.dpop_signing_alg_values_supported);
    });

    test('password grant: one nonce round, then a DPoP token bound to the key (cnf.jkt)', async () => {
      const as = await discover(server.issuer);
      const key = await dpopKey();
      const tokens = await passwordGrant(as, await server.newUser(), key);
      assert.equal(key.rounds, 1, 'the first proof had no nonce and was answered use_dpop_nonce');
      assert.equal(tokens.token_type, 'dpop');
      assert.equal(decodeJwt(tokens.access_token).cnf.jkt, await key.handle.calculateThumbprint());
    });

    test('refresh grant with the same key: the kept nonce serves, the new token is bound to the key', async () => {
      const as = await discover(server.issuer);
      const key = await dpopKey();
      const first = await passwordGrant(as, await server.newUser(), key);
      const second = await refreshGrant(as, first.refresh_token, key);
      assert.equal(key.rounds, 1, 'only the first request needed a nonce round');
      assert.equal(second.token_type, 'dpop');
      assert.notEqual(second.refresh_token, first.refresh_token);
      assert.equal(decodeJwt(second.access_token).cnf.jkt, await key.handle.calculateThumbprint());
    });

    test('the bound refresh token is invalid_grant without a proof or with another key, and stays usable', async () => {
      const as = await discover(server.issuer);
      const key = await dpopKey();
      const tokens = await passwordGrant(as, await server.newUser(), key);
      const invalidGrant = (e) => e instanceof oauth.ResponseBodyError && e.error === 'invalid_grant';
      await assert.rejects(refreshGrant(as, tokens.refresh_token, undefined), invalidGrant);
      const other = await dpopKey();
      await assert.rejects(refreshGrant(as, tokens.refresh_token, other), invalidGrant);
      assert.equal(other.rounds, 1, 'the other key\'s proof was refused for its key, after its nonce round');
      // Neither refusal revoked nor rotated the session: the key's holder refreshes as before.
      assert.equal((await refreshGrant(as, tokens.refresh_token, key)).token_type, 'dpop');
    });

    test('the cards-service accepts the bound access token with a proof (protectedResourceRequest)', async () => {
      const as = await discover(server.issuer);
      const key = await dpopKey();
      const tokens = await passwordGrant(as, await server.newUser(), key);
      const cards = new URL('/cards', server.cardsUrl);
      const created = await cardsCall(key, tokens.access_token, 'POST', cards, { question: 'RFC of DPoP?', answer: '9449' });
      assert.equal(created.status, 201);
      const listed = await cardsCall(key, tokens.access_token, 'GET', cards);
      assert.equal(listed.status, 200);
      assert.deepEqual((await listed.json()).items.map((card) => card.answer), ['9449']);
    });

    test('the cards-service refuses the bound access token sent as Bearer', async () => {
      const as = await discover(server.issuer);
      const tokens = await passwordGrant(as, await server.newUser(), await dpopKey());
      await assert.rejects(oauth.protectedResourceRequest(tokens.access_token, 'GET', new URL('/cards', server.cardsUrl),
        new Headers(), null, insecure), (e) => e instanceof oauth.WWWAuthenticateChallengeError && e.status === 401);
    });
  });
}
