// The web app's Account view in Chromium against the packaged services: a user signed in from three
// clients (the page and two Node logins with their own User-Agents) sees three sessions, ends one
// from the page (its refresh then fails, the page keeps working), changes the password (the other
// sessions end, the page's stays; a wrong current password shows the problem), and deletes the
// account (back to sign-in, the cookie and the password dead, the cards gone through the feed).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { chromium } from 'playwright-core';

import { checkProof, recordRequests } from './support/dpop.mjs';
import { startServices, target } from './support/services.mjs';

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'tr0ubador and three more words';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// Long enough for a Node token to outlive the deletion feed's round, short enough to wait out once.
const ACCESS_TOKEN_SECONDS = 8;
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

let services;
let browser;
let context;
let page;
let requests;
const email = `account-${Date.now()}@example.com`;
/** The two other clients' sessions, as Node holds them: { refreshToken, accessToken, id }. */
const others = {};

const json = (body) => ({ 'Content-Type': 'application/json', body: JSON.stringify(body) });

/** A login from outside the browser (no Origin, so the refresh token comes in the body), unbound. */
async function nodeLogin(password, userAgent) {
  const { body, ...headers } = json({ email, password });
  const response = await fetch(`${services.authUrl}/auth/login`, { method: 'POST', headers: { ...headers, 'User-Agent': userAgent }, body });
  if (response.status !== 200) return { status: response.status };
  const tokens = await response.json();
  return { status: 200, refreshToken: tokens.refresh_token, accessToken: tokens.access_token };
}

/** A refresh from Node with the refresh token in the Authorization header; keeps the successor. */
async function nodeRefresh(other) {
  const response = await fetch(`${services.authUrl}/auth/refresh`, { method: 'POST', headers: { Authorization: `Bearer ${other.refreshToken}` } });
  if (response.status === 200) {
    const tokens = await response.json();
    Object.assign(other, { refreshToken: tokens.refresh_token, accessToken: tokens.access_token });
  }
  return response.status;
}

async function nodeCards(accessToken) {
  const response = await fetch(`${services.webUrl}/cards`, { headers: { Authorization: `Bearer ${accessToken}` } });
  assert.equal(response.status, 200);
  return (await response.json()).items;
}

async function refreshCookie() {
  return (await context.cookies(`${services.authUrl}/auth/refresh`)).find((c) => c.name === 'refresh_token');
}

/** Whether the page's DPoP key is still in IndexedDB. */
const hasStoredKey = () => page.evaluate(() => new Promise((resolve, reject) => {
  const open = indexedDB.open('cards-dpop', 1);
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const get = open.result.transaction('keys').objectStore('keys').get('session');
    get.onsuccess = () => { open.result.close(); resolve(get.result !== undefined); };
    get.onerror = () => reject(get.error);
  };
}));

const sessionItems = () => page.locator('#sessions li');
const sessionItem = (text) => sessionItems().filter({ hasText: text });

async function openAccount() {
  await page.getByRole('button', { name: 'Account', exact: true }).click();
  await page.locator('#account').waitFor();
}

/** The timeline's entries, newest first. */
const timeline = () => page.locator('#timeline li').evaluateAll((items) => items.map((i) => i.textContent));

describe('the Account view in Chromium', () => {
  before(async () => {
    services = await startServices({ accessTokenSeconds: ACCESS_TOKEN_SECONDS });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-quic', '--no-first-run', '--disable-sync'],
    });
    context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    page = await context.newPage();
    requests = recordRequests(page);
  });

  after(async () => {
    await browser?.close();
    await services?.stop();
  });

  test('a user signed in from three clients sees three sessions, this one marked', async () => {
    await page.goto(`${services.webUrl}/`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    await page.getByLabel('Question').fill('Who may see this card?');
    await page.getByLabel('Answer').fill('Its owner only');
    await page.getByRole('button', { name: 'Add card' }).click();
    await page.getByText('Who may see this card?').waitFor();
    for (const [name, userAgent] of [['firefox', FIREFOX], ['safari', SAFARI]]) {
      others[name] = await nodeLogin(PASSWORD, userAgent);
      assert.equal(others[name].status, 200);
    }

    await openAccount();
    await page.waitForFunction(() => document.querySelectorAll('#sessions li').length === 3);
    const listed = await page.evaluate(() => window.cards.listSessions());
    assert.equal(listed.length, 3);
    const current = listed.filter((s) => s.current);
    assert.equal(current.length, 1);
    assert.equal(current[0].dpop_bound, true, 'the page signs in with DPoP');
    const fromNode = listed.filter((s) => !s.current);
    assert.ok(fromNode.every((s) => !s.dpop_bound), 'the Node logins sent no proof');
    assert.notEqual(fromNode[0].device, fromNode[1].device, 'two User-Agents, two device labels');
    // Each row shows what the API said: the device, the client, and the marks.
    for (const s of listed) {
      const item = sessionItems().filter({ has: page.locator('.device', { hasText: s.device }) });
      assert.equal(await item.count(), 1, `one row for ${s.device}`);
      const text = await item.innerText();
      assert.ok(text.includes(s.client), text);
      assert.equal(text.includes('this device'), s.current, text);
      assert.equal(/\bDPoP\b/.test(text), s.dpop_bound, text);
      assert.equal(await item.getByRole('button', { name: /^Sign out/ }).count(), 1);
      assert.equal(await item.locator('time').count(), 2, 'started and last used');
    }
    others.firefox.id = fromNode.find((s) => /firefox/i.test(s.device))?.id ?? fromNode[0].id;
    others.firefox.device = listed.find((s) => s.id === others.firefox.id).device;
    others.safari.id = fromNode.find((s) => s.id !== others.firefox.id).id;
  });

  test('ending another session from the page: its refresh fails with 401, the page keeps working', async () => {
    const mark = requests.mark();
    await sessionItem(others.firefox.device).getByRole('button', { name: /^Sign out/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('#sessions li').length === 2);
    assert.match(await page.locator('#account-message').innerText(), /Signed out the session/);
    const listed = await page.evaluate(() => window.cards.listSessions());
    assert.ok(!listed.some((s) => s.id === others.firefox.id));
    // The DELETE carried the DPoP-bound token and a proof for it (ath), like every account call.
    const [end] = requests.to(`/auth/sessions/${others.firefox.id}`, mark).filter((r) => r.method === 'DELETE');
    assert.equal(end.status, 204);
    assert.match(end.headers.authorization, /^DPoP /);
    assert.ok((await checkProof(end)).claims.ath);

    assert.equal(await nodeRefresh(others.firefox), 401);
    assert.equal(await nodeRefresh(others.safari), 200, 'the other Node session lives');
    await page.evaluate(() => window.cards.refresh());
    await page.getByRole('button', { name: 'Cards', exact: true }).click();
    await page.getByText('Who may see this card?').waitFor();
    await openAccount();
  });

  test('an expired access token during an account call is refreshed once and the call retried', async () => {
    await new Promise((r) => setTimeout(r, (ACCESS_TOKEN_SECONDS + 1.5) * 1000));
    await page.getByRole('button', { name: 'Reload the list' }).click();
    await page.waitForFunction(() => /GET \/auth\/sessions \(retry\) → 200/.test(document.querySelector('#timeline li')?.textContent ?? ''));
    const [retry, refresh, expired] = (await timeline()).slice(0, 3);
    assert.match(expired, /GET \/auth\/sessions → 401 invalid_token/);
    assert.match(refresh, /POST \/auth\/refresh → 200/);
    assert.match(retry, /GET \/auth\/sessions \(retry\) → 200/);
    assert.equal(await sessionItems().count(), 2);
  });

  test('a wrong current password shows the problem\'s message, a short new one the field\'s error', async () => {
    await page.getByLabel('Current password').fill('not the password at all');
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    const problem = page.locator('#password-problem');
    await problem.waitFor();
    assert.equal(await problem.getAttribute('role'), 'alert');
    assert.match(await problem.innerText(), /The current password is wrong/);

    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.locator('#new-password-error').waitFor();
    assert.match(await problem.innerText(), /The request is invalid/);
    assert.notEqual((await page.locator('#new-password-error').innerText()).trim(), '');
    assert.equal(await page.getByLabel('New password').getAttribute('aria-invalid'), 'true');
    // Nothing changed: the other session still refreshes, and the password still signs in.
    assert.equal(await nodeRefresh(others.safari), 200);
  });

  test('the password change ends the other sessions and the page stays signed in', async () => {
    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Every other session was signed out').waitFor();
    assert.equal(await page.locator('#password-problem').isVisible(), false);
    assert.equal(await page.getByLabel('New password').getAttribute('aria-invalid'), null);
    await page.waitForFunction(() => document.querySelectorAll('#sessions li').length === 1);
    assert.match(await sessionItems().innerText(), /this device/);

    assert.equal(await nodeRefresh(others.safari), 401);
    assert.equal((await nodeLogin(PASSWORD, FIREFOX)).status, 401, 'the old password no longer signs in');
    await page.evaluate(() => window.cards.refresh());
    assert.equal(await page.evaluate(() => window.cards.listCards().then((items) => items.length)), 1);
  });

  test('signing out this device\'s own session from the list signs the page out, as Log out does', async () => {
    const cookie = await refreshCookie();
    await sessionItem('this device').getByRole('button', { name: /^Sign out/ }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    assert.match(await page.locator('#who').innerText(), /Signed out/);
    assert.equal(await refreshCookie(), undefined);
    assert.equal(await hasStoredKey(), false);
    const replay = await fetch(`${services.authUrl}/auth/refresh`, {
      method: 'POST', headers: { Cookie: `refresh_token=${cookie.value}`, Origin: services.webUrl, 'X-Requested-With': 'x' },
    });
    assert.equal(replay.status, 401);

    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('Who may see this card?').waitFor();
    await openAccount();
    await page.waitForFunction(() => document.querySelectorAll('#sessions li').length === 1);
    await page.screenshot({ path: join(target, 'account-screenshot.png') });
  });

  test('deleting the account returns to sign-in; the cookie, the password and the cards are gone', async () => {
    // A Node session's access token outlives the deletion by seconds: it shows the cards going.
    const witness = await nodeLogin(NEW_PASSWORD, SAFARI);
    assert.equal(witness.status, 200);
    const witnessExpires = Date.now() + (ACCESS_TOKEN_SECONDS + 1) * 1000;
    assert.equal((await nodeCards(witness.accessToken)).length, 1);
    const cookie = await refreshCookie();
    assert.ok(cookie);

    // The confirmation is asked for first.
    await page.getByLabel('Confirm with your password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Delete account' }).click();
    await page.locator('#deletion-problem').waitFor();
    assert.match(await page.locator('#deletion-problem').innerText(), /confirm/i);
    assert.equal(await page.getByRole('button', { name: 'Log out' }).isVisible(), true, 'nothing deleted yet');

    await page.getByLabel('Confirm with your password').fill(PASSWORD);
    await page.getByRole('checkbox', { name: /deleted for good/ }).check();
    await page.getByRole('button', { name: 'Delete account' }).click();
    await page.locator('#deletion-problem').getByText('The current password is wrong').waitFor();

    await page.getByLabel('Confirm with your password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Delete account' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    assert.match(await page.locator('#who').innerText(), /account and its cards are deleted/);
    assert.equal(await page.locator('#account').isVisible(), false);
    assert.equal(await page.evaluate(() => window.cards.tokenState().present), false);
    assert.equal(await hasStoredKey(), false, 'the DPoP key is forgotten');
    assert.equal(await refreshCookie(), undefined, 'the cookie is cleared');

    const replay = await fetch(`${services.authUrl}/auth/refresh`, {
      method: 'POST', headers: { Cookie: `refresh_token=${cookie.value}`, Origin: services.webUrl, 'X-Requested-With': 'x' },
    });
    assert.equal(replay.status, 401);
    assert.equal(await nodeRefresh(witness), 401, 'every session ended');
    // (One attempt: failures of one email from one address are throttled after 5, and this test has
    // made 3 on purpose already.)
    assert.equal((await nodeLogin(NEW_PASSWORD, FIREFOX)).status, 401, 'the password no longer signs in');

    // The cards-service reads the deletion from the auth-service's feed every second here.
    let left = 1;
    while (left > 0 && Date.now() < witnessExpires - 500) {
      left = (await nodeCards(witness.accessToken)).length;
      if (left > 0) await new Promise((r) => setTimeout(r, 250));
    }
    assert.equal(left, 0, 'the cards are deleted within the witness token\'s life');
  });
});
