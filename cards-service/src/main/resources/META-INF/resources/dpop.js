// DPoP (RFC 9449) for the web app: a non-extractable ECDSA P-256 key made at sign-in and kept in
// IndexedDB (a structured clone of a CryptoKey stays non-extractable, so not even this script can
// read the private key back out), and a proof signed with it for every auth-service and cards call.
// The refresh cookie is bound to this key at login: a stolen cookie is useless without it (§1).
// Without WebCrypto or IndexedDB (old browsers) there is no key: no proofs, Bearer tokens.
const DB_NAME = 'cards-dpop';
const STORE = 'keys';
const KEY_ID = 'session';
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' };

const bytes = (text) => new TextEncoder().encode(text);
const base64url = (data) => btoa(String.fromCharCode(...new Uint8Array(data)))
  .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** Runs one request on the key store and resolves with its result once the transaction commits. */
function inStore(mode, action) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const transaction = db.transaction(STORE, mode);
      const request = action(transaction.objectStore(STORE));
      transaction.oncomplete = () => { db.close(); resolve(request.result); };
      transaction.onerror = transaction.onabort = () => { db.close(); reject(transaction.error); };
    };
  });
}

/** The `error` parameters of every challenge in a WWW-Authenticate header (RFC 6750 §3, RFC 9449 §7.1). */
export function challengeErrors(header) {
  return [...(header ?? '').matchAll(/(?:^|[\s,])error="([^"]*)"/g)].map((match) => match[1]);
}

export function createDpop() {
  const available = Boolean(globalThis.crypto?.subtle && globalThis.indexedDB && crypto.randomUUID);
  let keys = null; // { pair: CryptoKeyPair, jwk: the public key as a JWK }
  const nonces = new Map(); // origin -> the latest DPoP-Nonce it sent (§8)

  async function use(pair) {
    if (!pair) return null;
    const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey); // public parts only
    return { pair, jwk: { kty, crv, x, y } };
  }

  return {
    get active() { return keys !== null; },

    /** A new key for a new session, replacing any other; without a stored key, no DPoP (Bearer). */
    async newKey() {
      keys = null;
      if (!available) return;
      try {
        const pair = await crypto.subtle.generateKey(ALGORITHM, false, ['sign']);
        await inStore('readwrite', (store) => store.put(pair, KEY_ID));
        keys = await use(pair);
      } catch {
        keys = null; // IndexedDB refused (private mode of some browsers): Bearer, as an old browser
      }
    },

    /** The stored key, as the session's cookie is bound to it (another tab may have signed in since). */
    async load() {
      if (!available) return;
      try {
        keys = await use(await inStore('readonly', (store) => store.get(KEY_ID)));
      } catch {
        keys = null;
      }
    },

    /** At sign-out, or when the session has ended: the key is of no further use (the nonces still are). */
    async forget() {
      keys = null;
      if (available) await inStore('readwrite', (store) => store.delete(KEY_ID)).catch(() => {});
    },

    /** The DPoP header for a request (§4.2): htu without query and fragment, ath with a token. */
    async proof(method, url, accessToken) {
      const target = new URL(url, location.href);
      const claims = {
        jti: crypto.randomUUID(),
        htm: method.toUpperCase(),
        htu: `${target.origin}${target.pathname}`,
        iat: Math.floor(Date.now() / 1000),
      };
      if (accessToken) claims.ath = base64url(await crypto.subtle.digest('SHA-256', bytes(accessToken)));
      const nonce = nonces.get(target.origin);
      if (nonce) claims.nonce = nonce;
      const header = { typ: 'dpop+jwt', alg: 'ES256', jwk: keys.jwk };
      const input = `${base64url(bytes(JSON.stringify(header)))}.${base64url(bytes(JSON.stringify(claims)))}`;
      // WebCrypto's ECDSA signature is already r || s, the form JWS wants (RFC 7518 §3.4).
      const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.pair.privateKey, bytes(input));
      return `${input}.${base64url(signature)}`;
    },

    /** Keeps the nonce any answer carries, success or error, for its server's origin (§8). */
    remember(url, response) {
      const nonce = response?.headers?.['dpop-nonce'];
      if (nonce) nonces.set(new URL(url, location.href).origin, nonce);
    },

    /** The server wants a proof with its new nonce: 400 `use_dpop_nonce` (§8), or 401 with that challenge (§9). */
    nonceRequested(response) {
      if (!response || !response.headers?.['dpop-nonce']) return false;
      if (response.status === 400) return response.data?.error === 'use_dpop_nonce';
      return response.status === 401 && challengeErrors(response.headers['www-authenticate']).includes('use_dpop_nonce');
    },
  };
}
