// oauth4webapi, unmodified: discovery with its issuer check, grants, revocation, RFC 9068 validation.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import * as oauth from 'oauth4webapi';

import { AUDIENCE, PASSWORD, PUBLIC_CLIENT } from './support/auth-service.mjs';

// Plain http on loopback: the library's documented switch for it, nothing else changed.
const insecure = { [oauth.allowInsecureRequests]: true };
const client = { client_id: PUBLIC_CLIENT };
const clientAuth = oauth.None();

async function discover(issuer) {
  const url = new URL(issuer);
  return oauth.processDiscoveryResponse(url, await oauth.discoveryRequest(url, { algorithm: 'oauth2', ...insecure }));
}

async function passwordGrant(as, username) {
  const response = await oauth.genericTokenEndpointRequest(as, client, clientAuth, 'password',
    new URLSearchParams({ username, password: PASSWORD }), insecure);
  return oauth.processGenericTokenEndpointResponse(as, client, response);
}

async function refresh(as, refreshToken) {
  return oauth.processRefreshTokenResponse(as, client,
    await oauth.refreshTokenGrantRequest(as, client, clientAuth, refreshToken, insecure));
}

export function oauth4webapiTests(server) {
  describe('oauth4webapi', () => {
    test('discovers the metadata and checks its issuer', async () => {
      const as = await discover(server.issuer);
      assert.equal(as.issuer, server.issuer);
      assert.equal(as.token_endpoint, `${server.issuer}/oauth2/token`);
      assert.equal(as.revocation_endpoint, `${server.issuer}/oauth2/revoke`);
      const wrong = new URL(server.issuer.replace('127.0.0.1', 'localhost'));
      await assert.rejects(async () => oauth.processDiscoveryResponse(wrong,
        await oauth.discoveryRequest(new URL(server.issuer), { algorithm: 'oauth2', ...insecure })));
    });

    test('refresh_token grant rotates the refresh token', async () => {
      const as = await discover(server.issuer);
      const first = await passwordGrant(as, await server.newUser());
      const second = await refresh(as, first.refresh_token);
      assert.equal(second.token_type, 'bearer');
      assert.notEqual(second.refresh_token, first.refresh_token);
      assert.ok(second.expires_in > 0);
    });

    test('revocation answers 200 and ends the session', async () => {
      const as = await discover(server.issuer);
      const tokens = await passwordGrant(as, await server.newUser());
      const response = await oauth.revocationRequest(as, client, clientAuth, tokens.refresh_token, insecure);
      assert.equal(response.status, 200);
      await oauth.processRevocationResponse(response);
      await assert.rejects(refresh(as, tokens.refresh_token),
        (e) => e instanceof oauth.ResponseBodyError && e.error === 'invalid_grant');
    });

    test('validateJwtAccessToken accepts the access token (RFC 9068 §4)', async () => {
      const as = await discover(server.issuer);
      const tokens = await passwordGrant(as, await server.newUser());
      const request = new Request('http://cards.example/cards', { headers: { authorization: `Bearer ${tokens.access_token}` } });
      const claims = await oauth.validateJwtAccessToken(as, request, AUDIENCE, insecure);
      assert.equal(claims.iss, server.issuer);
      assert.equal(claims.client_id, PUBLIC_CLIENT);
      assert.ok(claims.jti && claims.sub && claims.iat && claims.exp);
    });
  });
}
