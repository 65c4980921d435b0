// DPoP (RFC 9449) as the tests see it: the requests the page sends, each proof checked with jose (an
// implementation independent of the page's hand-built one), and a thief's proofs made with a key of
// its own.
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';

import { EmbeddedJWK, SignJWT, decodeJwt, exportJWK, generateKeyPair, jwtVerify } from 'jose';

/** Every request the page sends, with all its headers and, once answered, its status. */
export function recordRequests(page) {
  const seen = [];
  const entries = new Map(); // playwright's Request -> its entry
  page.on('request', async (request) => {
    if (request.method() === 'OPTIONS') return; // CORS preflights carry no proof
    const entry = { method: request.method(), url: request.url(), sentAt: Date.now(), headers: null, status: null };
    seen.push(entry);
    entries.set(request, entry);
    entry.headers = await request.allHeaders();
  });
  page.on('response', (response) => {
    const entry = entries.get(response.request());
    if (entry) Object.assign(entry, { status: response.status(), nonce: response.headers()['dpop-nonce'] });
  });
  return {
    /** The recorded requests to a path since the mark, e.g. since('/auth/login', mark). */
    to: (path, from = 0) => seen.slice(from).filter((e) => new URL(e.url).pathname === path),
    mark: () => seen.length,
  };
}

const ath = (token) => createHash('sha256').update(token, 'ascii').digest('base64url');

/**
 * Checks a request's DPoP proof (§4.2, §4.3) and returns its header and claims: one signed JWS of
 * typ dpop+jwt and alg ES256 whose jwk is a public key, htm and htu of this request (no query), iat
 * of when it was sent, a jti, and ath of the access token it carries as `Authorization: DPoP`.
 */
export async function checkProof(request) {
  const proof = request.headers.dpop;
  assert.ok(proof, `${request.method} ${request.url} carries a DPoP header`);
  const { payload, protectedHeader } = await jwtVerify(proof, EmbeddedJWK, { typ: 'dpop+jwt', algorithms: ['ES256'] });
  assert.deepEqual(Object.keys(protectedHeader.jwk).sort(), ['crv', 'kty', 'x', 'y'], 'only the public key');
  const url = new URL(request.url);
  assert.equal(payload.htm, request.method);
  assert.equal(payload.htu, `${url.origin}${url.pathname}`);
  if (request.sentAt) assert.ok(Math.abs(payload.iat - request.sentAt / 1000) < 5, 'iat is when it was sent');
  assert.match(payload.jti, /^[0-9a-f-]{36}$/);
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('DPoP ')) assert.equal(payload.ath, ath(authorization.slice('DPoP '.length)));
  else assert.equal(payload.ath, undefined);
  return { header: protectedHeader, claims: payload };
}

/** The claims of the access token a request carries (read, not verified: the services do that). */
export const accessTokenOf = (request) => decodeJwt(request.headers.authorization.replace(/^(DPoP|Bearer) /, ''));

/** A DPoP proof made with a key that is not the browser's, as a thief with the cookie could. */
export async function foreignProof(method, url, nonce) {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  return new SignJWT({ htm: method, htu: url, jti: randomUUID(), ...(nonce ? { nonce } : {}) })
    .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: await exportJWK(publicKey) })
    .setIssuedAt()
    .sign(privateKey);
}
