// openid-client, unmodified: discovery, password grant, refresh and revocation, as a confidential client.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import * as client from 'openid-client';

import { CONFIDENTIAL_CLIENT, CONFIDENTIAL_SECRET, PASSWORD } from './support/auth-service.mjs';

// Plain http on loopback: the library's documented switch for it.
const options = { execute: [client.allowInsecureRequests] };

function discover(issuer, clientAuth = client.ClientSecretBasic(CONFIDENTIAL_SECRET), algorithm = 'oidc') {
  return client.discovery(new URL(issuer), CONFIDENTIAL_CLIENT, undefined, clientAuth, { ...options, algorithm });
}

export function openidClientTests(server) {
  describe('openid-client', () => {
    test('discovers the server at both well-known addresses', async () => {
      for (const algorithm of ['oidc', 'oauth2']) {
        const config = await discover(server.issuer, undefined, algorithm);
        assert.equal(config.serverMetadata().issuer, server.issuer);
        assert.equal(config.serverMetadata().token_endpoint, `${server.issuer}/oauth2/token`);
      }
    });

    test('password grant, then refresh, with client_secret_basic', async () => {
      const config = await discover(server.issuer);
      const tokens = await client.genericGrantRequest(config, 'password', { username: await server.newUser(), password: PASSWORD });
      assert.ok(tokens.access_token);
      assert.equal(tokens.token_type, 'bearer');
      const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
      assert.notEqual(refreshed.refresh_token, tokens.refresh_token);
    });

    test('password grant with client_secret_post', async () => {
      const config = await discover(server.issuer, client.ClientSecretPost(CONFIDENTIAL_SECRET));
      const tokens = await client.genericGrantRequest(config, 'password', { username: await server.newUser(), password: PASSWORD });
      assert.ok(tokens.refresh_token);
    });

    test('a wrong password is invalid_grant', async () => {
      const config = await discover(server.issuer);
      await assert.rejects(client.genericGrantRequest(config, 'password', { username: await server.newUser(), password: 'wrong' }),
        (e) => e instanceof client.ResponseBodyError && e.error === 'invalid_grant' && e.status === 400);
    });

    test('revocation ends the session', async () => {
      const config = await discover(server.issuer);
      const tokens = await client.genericGrantRequest(config, 'password', { username: await server.newUser(), password: PASSWORD });
      await client.tokenRevocation(config, tokens.refresh_token);
      await assert.rejects(client.refreshTokenGrant(config, tokens.refresh_token),
        (e) => e instanceof client.ResponseBodyError && e.error === 'invalid_grant');
    });
  });
}
