// The web app in a real Chromium (Debian's, driven by playwright-core) against the packaged
// services with 3-second access tokens: sign-in through the form, one refresh for 20 parallel
// calls after expiry, no token where a script could read it, reload, log out, the CSRF and
// CORS rules of the refresh cookie, and DPoP (RFC 9449): the proofs, the non-extractable key, a
// stolen cookie refused without it, and Bearer in a browser without IndexedDB.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { calculateJwkThumbprint } from 'jose';
import { chromium } from 'playwright-core';

import { accessTokenOf, checkProof, foreignProof, recordRequests } from './support/dpop.mjs';
import { ACCESS_TOKEN_SECONDS, startServices, target } from './support/services.mjs';

const PASSWORD = 'correct horse battery staple';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

let services;
let browser;
let context;
let page;
let requests;
const email = `web-${Date.now()}@example.com`;
const metrics = {};
/** What the first page load fetched, and what the browser said was blocked. */
const loaded = [];
const blocked = [];

/** POSTs to /auth/refresh the page sent and got an answer to (preflights are OPTIONS and not counted). */
function countRefreshes(on) {
  const seen = { count: 0, answered: 0 };
  const isRefresh = (request) => request.method() === 'POST' && new URL(request.url()).pathname === '/auth/refresh';
  on.on('request', (request) => { if (isRefresh(request)) seen.count += 1; });
  on.on('response', (response) => { if (isRefresh(response.request())) seen.answered += 1; });
  return seen;
}

const total = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);

async function refreshCookie() {
  const cookies = await context.cookies(`${services.authUrl}/auth/refresh`);
  return cookies.find((c) => c.name === 'refresh_token');
}

/** A refresh presented by cookie from outside the browser, as an attacker or a test can. */
function cookieRefresh(cookie, headers) {
  return fetch(`${services.authUrl}/auth/refresh`, { method: 'POST', headers: { Cookie: `refresh_token=${cookie.value}`, ...headers } });
}

/** The session's key pair as the page stored it in IndexedDB (after a sign-in made the store), or null. */
function storedKey(on) {
  return on.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('cards-dpop', 1);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction('keys').objectStore('keys').get('session');
      get.onerror = () => reject(get.error);
      get.onsuccess = async () => {
        db.close();
        const pair = get.result;
        if (!pair) return resolve(null);
        const exported = await crypto.subtle.exportKey('jwk', pair.privateKey).then(() => 'exported', (e) => e.name);
        const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
        return resolve({
          extractable: pair.privateKey.extractable, usages: pair.privateKey.usages,
          curve: pair.privateKey.algorithm.namedCurve, exported, publicJwk: { kty, crv, x, y },
        });
      };
    };
  }));
}

const expiry = () => new Promise((r) => setTimeout(r, (ACCESS_TOKEN_SECONDS + 1.5) * 1000));

describe('the web app in Chromium', () => {
  before(async () => {
    services = await startServices();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-quic', '--no-first-run', '--disable-sync'],
    });
    context = await browser.newContext({ viewport: { width: 1200, height: 820 } });
    page = await context.newPage();
    requests = recordRequests(page);
    page.on('response', (response) => loaded.push(new URL(response.url()).pathname));
    page.on('console', (message) => { if (/Content Security Policy/i.test(message.text())) blocked.push(message.text()); });
  });

  after(async () => {
    writeFileSync(join(target, 'web-metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
    console.log(`web app metrics: ${JSON.stringify(metrics)}`);
    await browser?.close();
    await services?.stop();
  });

  test('signs up through the form, adds cards and lists them', async () => {
    const started = Date.now();
    await page.goto(`${services.webUrl}/`);
    await page.waitForSelector('body[data-ready="true"]');
    metrics.pageReadyMs = Date.now() - started;
    metrics.loadEventMs = await page.evaluate(() => Math.round(performance.getEntriesByType('navigation')[0].loadEventEnd));
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    for (const [question, answer] of [['What does HttpOnly protect?', 'The cookie from scripts'], ['RFC for Bearer tokens?', '6750']]) {
      await page.getByLabel('Question').fill(question);
      await page.getByLabel('Answer').fill(answer);
      await page.getByRole('button', { name: 'Add card' }).click();
      await page.getByText(question).waitFor();
    }
    assert.equal(await page.locator('#cards li').count(), 2);
  });

  test('loads its modules as written and axios from its WebJar, and the CSP blocks nothing', async () => {
    assert.ok(['/app.js', '/session.js', '/dpop.js'].every((module) => loaded.includes(module)), loaded.join(' '));
    assert.ok(loaded.includes('/webjars/axios/dist/esm/axios.min.js'), loaded.join(' '));
    assert.deepEqual(blocked, []);
  });

  test('signs its first login with DPoP after one nonce round (RFC 9449 §8)', async () => {
    const [refused, accepted] = requests.to('/auth/login');
    assert.equal(refused.status, 400);
    assert.ok(refused.nonce, 'the refusal carries a DPoP-Nonce');
    assert.equal((await checkProof(refused)).claims.nonce, undefined);
    assert.equal(accepted.status, 200);
    assert.equal((await checkProof(accepted)).claims.nonce, refused.nonce);
    assert.match(await page.locator('#timeline').innerText(), /POST \/auth\/login → 400 use_dpop_nonce/);
    assert.equal(await page.evaluate(() => window.cards.tokenState().type), 'DPoP');
  });

  test('every card call carries Authorization: DPoP and a proof by the key the token is bound to', async () => {
    const calls = requests.to('/cards');
    assert.ok(calls.length >= 3, `card calls so far: ${calls.length}`);
    const jtis = new Set();
    for (const call of calls) {
      assert.match(call.headers.authorization, /^DPoP /);
      const { header, claims } = await checkProof(call);
      assert.equal(accessTokenOf(call).cnf.jkt, await calculateJwkThumbprint(header.jwk));
      jtis.add(claims.jti);
    }
    assert.equal(jtis.size, calls.length, 'a new jti for every proof');
  });

  test('the key in IndexedDB is a non-extractable P-256 signing key, the one the token is bound to', async () => {
    const key = await storedKey(page);
    assert.equal(key.extractable, false);
    assert.equal(key.exported, 'InvalidAccessError');
    assert.deepEqual(key.usages, ['sign']);
    assert.equal(key.curve, 'P-256');
    const lastCall = requests.to('/cards').at(-1);
    assert.equal(accessTokenOf(lastCall).cnf.jkt, await calculateJwkThumbprint(key.publicJwk));
  });

  test('logs in through the form and the cards are listed', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('RFC for Bearer tokens?').waitFor();
    assert.equal(await page.locator('#cards li').count(), 2);
  });

  test('after expiry, 20 parallel calls share exactly one refresh and all are answered', async () => {
    await expiry();
    const refreshes = countRefreshes(page);
    const mark = requests.mark();
    const before = total(await services.refreshes());
    const answered = await page.evaluate(() => Promise.all(Array.from({ length: 20 }, () => window.cards.listCards()))
      .then((lists) => lists.filter((items) => items.length === 2).length));
    assert.equal(answered, 20);
    assert.equal(refreshes.count, 1);
    assert.equal(total(await services.refreshes()) - before, 1, 'refreshes the auth-service answered');
    // The refresh is signed by the session's key, and the retries carry the new token as DPoP.
    const [refreshRequest] = requests.to('/auth/refresh', mark);
    const { header } = await checkProof(refreshRequest);
    assert.equal(await calculateJwkThumbprint(header.jwk), await calculateJwkThumbprint((await storedKey(page)).publicJwk));
    const retries = requests.to('/cards', mark).filter((r) => r.status === 200);
    assert.equal(retries.length, 20);
    for (const retry of retries) assert.equal((await checkProof(retry)).claims.ath !== undefined, true);
    assert.equal(new Set(retries.map((r) => r.headers.authorization)).size, 1, 'one new token for all');
    metrics.parallelCalls = 20;
    metrics.refreshesForParallelCalls = refreshes.count;
    // The timeline shows the mechanism: 401 invalid_token, the refresh, the retries.
    const timeline = await page.locator('#timeline').innerText();
    assert.match(timeline, /GET \/cards → 401 invalid_token/);
    assert.match(timeline, /POST \/auth\/refresh → 200/);
  });

  test('edits a card with If-Match and studies it', async () => {
    await page.getByRole('button', { name: 'Edit: RFC for Bearer tokens?' }).click();
    await page.getByLabel('Answer').fill('RFC 6750');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('RFC 6750', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Study' }).click();
    await page.getByRole('button', { name: 'Show answer' }).click();
    assert.equal(await page.locator('#study-answer').isVisible(), true);
    await page.getByRole('button', { name: 'Stop studying' }).click();
  });

  test('the timeline shows an expired token being refreshed and the call retried', async () => {
    await expiry();
    await page.getByRole('button', { name: 'Call the API now' }).click();
    await page.waitForFunction(() => /\(retry\) → 200/.test(document.querySelector('#timeline li')?.textContent ?? ''));
    const [retry, refresh, expired] = await page.locator('#timeline li').evaluateAll((items) => items.slice(0, 3).map((i) => i.textContent));
    assert.match(expired, /GET \/cards → 401 invalid_token/);
    assert.match(refresh, /POST \/auth\/refresh → 200/);
    assert.match(retry, /GET \/cards \(retry\) → 200/);
    await page.screenshot({ path: join(target, 'screenshot.png') });
  });

  test('no token is readable by a script: not in document.cookie, localStorage or sessionStorage', async () => {
    const stored = await page.evaluate(() => ({
      cookie: document.cookie, local: localStorage.length, session: sessionStorage.length,
    }));
    assert.deepEqual(stored, { cookie: '', local: 0, session: 0 });
    const cookie = await refreshCookie();
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.secure, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.equal(cookie.path, '/auth');
  });

  test('a reload keeps the session through the cookie', async () => {
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.getByText('RFC for Bearer tokens?').waitFor();
    assert.match(await page.locator('#who').innerText(), new RegExp(email));
  });

  test('a cookie refresh without X-Requested-With is 403 and changes nothing', async () => {
    const before = await refreshCookie();
    const status = await page.evaluate((authUrl) => fetch(`${authUrl}/auth/refresh`, { method: 'POST', credentials: 'include' })
      .then((r) => r.status), services.authUrl);
    assert.equal(status, 403);
    assert.equal((await refreshCookie()).value, before.value);
    // The token was not rotated: with no reuse grace, a rotated token would now revoke the session.
    await page.evaluate(() => window.cards.refresh());
  });

  test('a cookie refresh from a foreign origin is 403 and changes nothing', async () => {
    const cookie = await refreshCookie();
    const response = await cookieRefresh(cookie, { Origin: 'https://evil.example', 'X-Requested-With': 'x' });
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('set-cookie'), null);
    assert.equal((await cookieRefresh(cookie, { Origin: services.webUrl })).status, 403);
    await page.evaluate(() => window.cards.refresh());
  });

  test('a stolen refresh cookie is refused without the browser\'s key, and the session keeps working', async () => {
    const cookie = await refreshCookie();
    const url = `${services.authUrl}/auth/refresh`;
    // Origin and X-Requested-With pass the CSRF check, so only the DPoP binding is left to refuse it.
    const csrf = { Origin: services.webUrl, 'X-Requested-With': 'x' };
    // A refused refresh answers as any invalid_grant does: 401, and at most a cleared cookie for the
    // sender's own jar; never a new refresh token.
    const refused = async (response) => {
      assert.equal(response.status, 401);
      assert.equal((await response.json()).error, 'invalid_grant');
      assert.doesNotMatch(response.headers.get('set-cookie') ?? '', /refresh_token=[^;]/);
    };
    await refused(await cookieRefresh(cookie, csrf));
    // A proof by the thief's own key: the auth-service first asks for its nonce (§8), then refuses the key.
    const unprimed = await cookieRefresh(cookie, { ...csrf, DPoP: await foreignProof('POST', url) });
    assert.equal(unprimed.status, 400);
    assert.equal((await unprimed.json()).error, 'use_dpop_nonce');
    const nonce = unprimed.headers.get('dpop-nonce');
    await refused(await cookieRefresh(cookie, { ...csrf, DPoP: await foreignProof('POST', url, nonce) }));
    assert.equal((await refreshCookie()).value, cookie.value);
    // Neither rotated nor revoked: with no reuse grace here, a rotation would have revoked the session.
    await page.evaluate(() => window.cards.refresh());
    assert.equal(await page.evaluate(() => window.cards.listCards().then((items) => items.length)), 2);
  });

  test('the same page loaded from another site cannot refresh', async () => {
    const other = await context.newPage();
    const refreshes = countRefreshes(other);
    const before = await services.refreshes();
    await other.goto(`${services.otherSiteUrl}/`);
    await other.waitForSelector('body[data-ready="true"]');
    assert.equal(await other.getByRole('button', { name: 'Log out' }).isVisible(), false);
    await assert.rejects(other.evaluate(() => window.cards.refresh()));
    // The browser's preflight is refused, so no refresh reaches the auth-service and none is answered.
    assert.equal(refreshes.answered, 0);
    assert.deepEqual(await services.refreshes(), before);
    await other.close();
  });

  test('log out ends the session: a refresh afterwards fails', async () => {
    const cookie = await refreshCookie();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    assert.equal(await refreshCookie(), undefined);
    assert.equal(await storedKey(page), null, 'the key is deleted at sign-out');
    await assert.rejects(page.evaluate(() => window.cards.refresh()));
    const replay = await cookieRefresh(cookie, { Origin: services.webUrl, 'X-Requested-With': 'x' });
    assert.equal(replay.status, 401);
  });

  test('without IndexedDB (an old browser) the page falls back to Bearer tokens and no proofs', async () => {
    const old = await browser.newContext();
    await old.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
    const oldPage = await old.newPage();
    const seen = recordRequests(oldPage);
    await oldPage.goto(`${services.webUrl}/`);
    await oldPage.waitForSelector('body[data-ready="true"]');
    await oldPage.getByLabel('Email').fill(email);
    await oldPage.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await oldPage.getByRole('button', { name: 'Log in' }).click();
    await oldPage.getByText('RFC for Bearer tokens?').waitFor();
    assert.equal(await oldPage.evaluate(() => window.cards.tokenState().type), 'Bearer');
    const [login] = seen.to('/auth/login');
    const [list] = seen.to('/cards');
    assert.equal(login.headers.dpop, undefined);
    assert.equal(list.headers.dpop, undefined);
    assert.match(list.headers.authorization, /^Bearer /);
    assert.equal(accessTokenOf(list).cnf, undefined);
    await old.close();
  });
});
