// The browser side of short-lived access tokens, as in the seed app: every cards call carries
// `Authorization: Bearer <access>`; a 401 whose challenge says error="invalid_token" refreshes once
// and retries that call once. Unlike axios-auth-refresh 5.0.2 (its issue #307), concurrent 401s share
// one refresh and all retry. The access token lives only in this module's memory; the refresh token
// only in the auth-service's HttpOnly cookie, which this script never sees.
// index.html's import map resolves 'axios' to the axios WebJar's browser build (an ES module).
import axios from 'axios';

// The CSRF header the auth-service requires with the refresh cookie; a form or a link cannot send it.
const CSRF_HEADER = { 'X-Requested-With': 'cards-web' };

export class SessionEnded extends Error {}

export function createSession({ authUrl, onCall = () => {}, onToken = () => {} }) {
  let accessToken = null;
  let expiresAt = 0;
  let refreshing = null;

  // A separate client for the auth-service, without the retry interceptor (as the seed does).
  const auth = axios.create({ baseURL: authUrl, withCredentials: true, headers: CSRF_HEADER, timeout: 10_000 });
  const cards = axios.create({ baseURL: '/', timeout: 10_000 });

  function accept(data) {
    accessToken = data.access_token;
    expiresAt = Date.now() + data.expires_in * 1000;
    onToken(tokenState());
  }

  function forget() {
    accessToken = null;
    expiresAt = 0;
    onToken(tokenState());
  }

  function tokenState() {
    return { present: accessToken !== null, expiresAt, lifetime: lifetimeOf(accessToken) };
  }

  async function logged(label, call) {
    const started = performance.now();
    try {
      const response = await call();
      onCall({ label, status: response.status, ms: performance.now() - started });
      return response;
    } catch (error) {
      const status = error.response?.status ?? 'network error';
      onCall({ label, status, ms: performance.now() - started, challenge: challengeError(error.response) });
      throw error;
    }
  }

  /** One refresh at a time: every caller that finds the token expired waits for the same one. */
  function refresh() {
    refreshing ??= logged('POST /auth/refresh', () => auth.post('/auth/refresh'))
      .then((response) => accept(response.data))
      .catch((error) => {
        if (error.response?.status === 401 || error.response?.status === 403) {
          forget();
          throw new SessionEnded('The session has ended; sign in again');
        }
        throw error;
      })
      .finally(() => { refreshing = null; });
    return refreshing;
  }

  // Every attempt of a cards call shows in the timeline: the 401, the refresh, the retry.
  cards.interceptors.request.use((config) => {
    config.sentWith = accessToken;
    config.startedAt = performance.now();
    if (accessToken) config.headers.Authorization = `Bearer ${accessToken}`;
    return config;
  });

  const labelOf = (config) => `${config.method.toUpperCase()} /${config.url}${config.retried ? ' (retry)' : ''}`;

  cards.interceptors.response.use((response) => {
    onCall({ label: labelOf(response.config), status: response.status, ms: performance.now() - response.config.startedAt });
    return response;
  }, async (error) => {
    const config = error.config;
    const challenge = challengeError(error.response);
    onCall({ label: labelOf(config), status: error.response?.status ?? 'network error', ms: performance.now() - config.startedAt, challenge });
    const expired = error.response?.status === 401 && challenge === 'invalid_token';
    if (!expired || config.retried) throw error;
    config.retried = true; // the seed's `sent` flag: one refresh and one retry per request
    // A call that left with an older token than the current one needs no refresh of its own.
    if (!accessToken || accessToken === config.sentWith) await refresh();
    return cards(config);
  });

  const call = (request) => cards(request);

  return {
    tokenState,
    async signUp(email, password) {
      await logged('POST /auth/signup', () => auth.post('/auth/signup', { email, password }));
    },
    async logIn(email, password) {
      const response = await logged('POST /auth/login', () => auth.post('/auth/login', { email, password }));
      accept(response.data);
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
      const response = await logged('GET /auth/me', () => auth.get('/auth/me', { headers: { Authorization: `Bearer ${accessToken}` } }));
      return response.data;
    },
    async logOut() {
      try {
        await logged('POST /auth/logout', () => auth.post('/auth/logout'));
      } finally {
        forget();
      }
    },
    refresh,
    listCards: () => call({ method: 'get', url: 'cards', params: { size: 100 } }).then((r) => r.data.items),
    createCard: (card) => call({ method: 'post', url: 'cards', data: card }).then((r) => r.data),
    updateCard: (card, content) => call({
      method: 'put', url: `cards/${encodeURIComponent(card.id)}`, data: content, headers: { 'If-Match': `"${card.version}"` },
    }).then((r) => r.data),
    deleteCard: (card) => call({ method: 'delete', url: `cards/${encodeURIComponent(card.id)}` }),
  };
}

/** The `error` parameter of a Bearer challenge (RFC 6750 §3), or null. */
function challengeError(response) {
  const challenge = response?.headers?.['www-authenticate'] ?? '';
  return /error="([^"]*)"/.exec(challenge)?.[1] ?? null;
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
