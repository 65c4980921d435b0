// The browser side of short-lived access tokens, as in the seed app: every cards call carries the
// access token; a 401 whose challenge says error="invalid_token" refreshes once and retries that call
// once. Unlike axios-auth-refresh 5.0.2 (its issue #307), concurrent 401s share one refresh and all
// retry. The access token lives only in this module's memory; the refresh token only in the
// auth-service's HttpOnly cookie, which this script never sees. With DPoP (dpop.js) the login, every
// refresh and every cards call also carry a proof signed by the session's key, and the token is sent
// as `Authorization: DPoP`; without WebCrypto or IndexedDB, as `Bearer` with no proofs. The account
// calls to the auth-service (/auth/me, the sessions, the password, the deletion) carry the access
// token the same way and get the same refresh-once-and-retry.
// index.html's import map resolves 'axios' to the axios WebJar's browser build (an ES module).
import axios from 'axios';

import { challengeErrors, createDpop } from './dpop.js';

// The CSRF header the auth-service requires with the refresh cookie; a form or a link cannot send it.
const CSRF_HEADER = { 'X-Requested-With': 'cards-web' };

export class SessionEnded extends Error {}

export function createSession({ authUrl, onCall = () => {}, onToken = () => {} }) {
  let accessToken = null;
  let tokenType = 'Bearer';
  let expiresAt = 0;
  let refreshing = null;
  const dpop = createDpop();

  // A separate client for the auth-service, without the refresh interceptor (as the seed does).
  const auth = axios.create({ baseURL: authUrl, withCredentials: true, headers: CSRF_HEADER, timeout: 10_000 });
  const cards = axios.create({ baseURL: '/', timeout: 10_000 });
  // The auth-service's endpoints that take the access token (/auth/me, the sessions, the password, the deletion).
  const account = axios.create({ baseURL: authUrl, headers: CSRF_HEADER, timeout: 10_000 });

  function accept(data) {
    accessToken = data.access_token;
    // A DPoP-bound token (cnf.jkt) must be sent as DPoP, an unbound one as Bearer (RFC 9449 §7.1).
    tokenType = data.token_type?.toLowerCase() === 'dpop' ? 'DPoP' : 'Bearer';
    expiresAt = Date.now() + data.expires_in * 1000;
    onToken(tokenState());
  }

  /** The session is over: the token goes, and so does the key its cookie was bound to. */
  async function end() {
    accessToken = null;
    tokenType = 'Bearer';
    expiresAt = 0;
    onToken(tokenState());
    await dpop.forget();
  }

  function tokenState() {
    return { present: accessToken !== null, type: tokenType, expiresAt, lifetime: lifetimeOf(accessToken) };
  }

  /** One refresh at a time: every caller that finds the token expired waits for the same one. */
  function refresh() {
    refreshing ??= (async () => {
      await dpop.load(); // the key the session's cookie is bound to, whichever tab made it
      try {
        accept((await auth.post('/auth/refresh')).data);
      } catch (error) {
        if (error.response?.status === 401 || error.response?.status === 403) {
          await end();
          throw new SessionEnded('The session has ended; sign in again');
        }
        throw error;
      }
    })().finally(() => { refreshing = null; });
    return refreshing;
  }

  /**
   * Adds the DPoP proof: to the auth-service's token and cookie requests (no Authorization), and to
   * calls with a DPoP-bound token (with ath); an unbound Bearer token gets none.
   */
  async function sign(client, config) {
    config.startedAt = performance.now();
    const authorization = config.headers.get('Authorization');
    if (!dpop.active || authorization?.startsWith('Bearer ')) return config;
    const token = authorization?.startsWith('DPoP ') ? authorization.slice('DPoP '.length) : undefined;
    config.headers.set('DPoP', await dpop.proof(config.method, client.getUri(config), token));
    return config;
  }

  const labelOf = (config) => `${config.method.toUpperCase()} ${config.url.startsWith('/') ? '' : '/'}${config.url}`
    + `${config.retried ? ' (retry)' : ''}${config.nonceRetried ? ' (nonce)' : ''}`;

  /**
   * Every attempt shows in the timeline; every answer's DPoP-Nonce is kept; an answer asking for a
   * nonce gets one retry with it (RFC 9449 §8, §9). Then `otherwise` decides on the error.
   */
  function watch(client, otherwise = (error) => Promise.reject(error)) {
    client.interceptors.response.use((response) => {
      const { config } = response;
      dpop.remember(client.getUri(config), response);
      onCall({ label: labelOf(config), status: response.status, ms: performance.now() - config.startedAt });
      return response;
    }, (error) => {
      const { config, response } = error;
      if (!config) throw error;
      dpop.remember(client.getUri(config), response);
      const challenge = challengeErrors(response?.headers?.['www-authenticate'])[0] ?? response?.data?.error ?? null;
      onCall({ label: labelOf(config), status: response?.status ?? 'network error', ms: performance.now() - config.startedAt, challenge });
      if (dpop.active && dpop.nonceRequested(response) && !config.nonceRetried) {
        config.nonceRetried = true;
        return client(config);
      }
      return otherwise(error);
    });
  }

  auth.interceptors.request.use((config) => sign(auth, config));
  watch(auth);

  /**
   * A client whose calls carry the access token (and a proof with ath when it is DPoP-bound); a 401
   * with error="invalid_token" refreshes once and retries that call once.
   */
  function withAccessToken(client) {
    client.interceptors.request.use((config) => {
      config.sentWith = accessToken;
      if (accessToken) config.headers.Authorization = `${tokenType} ${accessToken}`;
      return sign(client, config);
    });
    watch(client, async (error) => {
      const { config } = error;
      const expired = error.response?.status === 401 && challengeErrors(error.response.headers['www-authenticate']).includes('invalid_token');
      if (!expired || config.retried) throw error;
      config.retried = true; // the seed's `sent` flag: one refresh and one retry per request
      // A call that left with an older token than the current one needs no refresh of its own.
      if (!accessToken || accessToken === config.sentWith) await refresh();
      return client(config);
    });
  }

  withAccessToken(cards);
  withAccessToken(account);

  const call = (request) => cards(request);

  return {
    tokenState,
    async signUp(email, password) {
      await auth.post('/auth/signup', { email, password });
    },
    async logIn(email, password) {
      await dpop.newKey(); // one key per session; the auth-service binds the session to it
      accept((await auth.post('/auth/login', { email, password })).data);
    },
    /** After a reload: the cookie, if the session lives, gives a new access token. */
    async resume() {
      try {
        await refresh();
        return true;
      } catch (error) {
        if (error instanceof SessionEnded) return false;
        throw error;
      }
    },
    async me() {
      return (await account.get('/auth/me')).data;
    },
    async logOut() {
      try {
        await auth.post('/auth/logout');
      } finally {
        await end();
      }
    },
    refresh,
    /** The user's live sessions; `current` marks this page's. */
    listSessions: () => account.get('/auth/sessions').then((r) => r.data.items),
    /** Ends another session at once (this page's own ends through logOut, which also clears the cookie). */
    endSession: (id) => account.delete(`/auth/sessions/${encodeURIComponent(id)}`),
    /** Every other session ends; this one stays. */
    changePassword: (currentPassword, newPassword) => account.post('/auth/password', {
      current_password: currentPassword, new_password: newPassword,
    }),
    /** The account and its cards go, and with them every session: this page forgets its token and key. */
    async deleteAccount(password) {
      // With credentials, so the browser applies the answer's cleared refresh cookie.
      await account.post('/auth/account/deletion', { password }, { withCredentials: true });
      await end();
    },
    listCards: () => call({ method: 'get', url: 'cards', params: { size: 100 } }).then((r) => r.data.items),
    createCard: (card) => call({ method: 'post', url: 'cards', data: card }).then((r) => r.data),
    updateCard: (card, content) => call({
      method: 'put', url: `cards/${encodeURIComponent(card.id)}`, data: content, headers: { 'If-Match': `"${card.version}"` },
    }).then((r) => r.data),
    deleteCard: (card) => call({ method: 'delete', url: `cards/${encodeURIComponent(card.id)}` }),
  };
}

/** Seconds between the token's iat and exp, read from its payload (shown, never trusted). */
function lifetimeOf(token) {
  if (!token) return 0;
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return payload.exp - payload.iat;
  } catch {
    return 0;
  }
}
