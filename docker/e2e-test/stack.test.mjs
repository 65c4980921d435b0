// The end-to-end test of a deployed stack, through its published ports and the container engine
// only (docker/e2e runs it against compose and against kube play): sign up, log in, add and list
// cards, wait out a short access token, refresh by Bearer and by cookie, the web page in Chromium
// against the containerised auth-service, the AOT cache mapped by each JVM, a restarted
// auth-service that still refreshes the session, PostgreSQL stopped for a few seconds (503, then
// recovery), sessions listed and ended, a password change, an account deleted while the
// cards-service is stopped, logout. The tests run in order and share one user's session, as a person would.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, test, after } from 'node:test';

import { chromium } from 'playwright-core';

const env = process.env;
const AUTH = env.AUTH_URL ?? 'http://localhost:8081';
const CARDS = env.CARDS_URL ?? 'http://localhost:8082';
const ACCESS_SECONDS = Number(env.ACCESS_SECONDS ?? 10);
const SKEW_SECONDS = Number(env.SKEW_SECONDS ?? 1);
const ENGINE = env.ENGINE ?? 'podman';
const CONTAINERS = { auth: env.AUTH_CONTAINER, cards: env.CARDS_CONTAINER, postgres: env.PG_CONTAINER };
// Every cards-service replica (kube play runs two): "stopped" means all of them.
const CARDS_REPLICAS = (env.CARDS_CONTAINERS ?? env.CARDS_CONTAINER ?? '').split(' ').filter(Boolean);
const JVM = (env.JVM ?? 'true') === 'true';
const CHROMIUM = env.CHROMIUM ?? '/usr/bin/chromium';
const PASSWORD = 'correct horse battery staple';
const email = `e2e-${Date.now()}@example.com`;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const engine = (...args) => execFileSync(ENGINE, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const json = (body) => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const bearer = (token, init = {}) => ({ ...init, headers: { ...(init.headers ?? {}), Authorization: `Bearer ${token}` } });

/** Polls until `probe` resolves true, or fails after `seconds`. */
async function until(what, seconds, probe) {
  const end = Date.now() + seconds * 1000;
  let last;
  while (Date.now() < end) {
    try {
      if (await probe()) return;
    } catch (e) {
      last = e;
    }
    await sleep(250);
  }
  assert.fail(`${what} within ${seconds} s${last ? `: ${last.message}` : ''}`);
}

const session = {};

/** Asserts the status; the body is read for the message only when it is not the expected one. */
async function expectStatus(res, status) {
  if (res.status !== status) assert.fail(`${res.url}: ${res.status}, not ${status}: ${await res.text()}`);
}

describe(`the deployed stack (${AUTH}, ${CARDS})`, () => {
  after(async () => {
    // Leave the database running for the next phase, whatever failed.
    if (CONTAINERS.postgres) {
      try { engine('start', CONTAINERS.postgres); } catch { /* already running */ }
    }
  });

  test('signs up, logs in, adds and lists cards', async () => {
    let res = await fetch(`${AUTH}/auth/signup`, json({ email, password: PASSWORD }));
    await expectStatus(res, 201);
    res = await fetch(`${AUTH}/auth/login`, json({ email, password: PASSWORD }));
    assert.equal(res.status, 200);
    Object.assign(session, await res.json());
    assert.ok(session.access_token && session.refresh_token);
    res = await fetch(`${CARDS}/cards`, bearer(session.access_token, json({ question: 'Where does this run?', answer: 'In containers' })));
    await expectStatus(res, 201);
    res = await fetch(`${CARDS}/cards`, bearer(session.access_token));
    assert.equal(res.status, 200);
    const page = await res.json();
    assert.deepEqual(page.items.map((c) => c.question), ['Where does this run?']);
  });

  test('an expired access token is refused; a refresh by Bearer header gets a working one', async () => {
    await sleep((ACCESS_SECONDS + SKEW_SECONDS + 1) * 1000);
    let res = await fetch(`${CARDS}/cards`, bearer(session.access_token));
    assert.equal(res.status, 401);
    assert.match(res.headers.get('www-authenticate') ?? '', /invalid_token/);
    res = await fetch(`${AUTH}/auth/refresh`, bearer(session.refresh_token, { method: 'POST' }));
    assert.equal(res.status, 200);
    Object.assign(session, await res.json());
    res = await fetch(`${CARDS}/cards`, bearer(session.access_token));
    assert.equal(res.status, 200);
  });

  test('a refresh by the HttpOnly cookie, from the web app\'s origin with the CSRF header', async () => {
    const res = await fetch(`${AUTH}/auth/refresh`, {
      method: 'POST',
      headers: { Cookie: `refresh_token=${session.refresh_token}`, Origin: CARDS, 'X-Requested-With': 'XMLHttpRequest' },
    });
    await expectStatus(res, 200);
    const cookie = /refresh_token=([^;]+)/.exec(res.headers.get('set-cookie') ?? '');
    assert.ok(cookie, 'the new refresh token comes back as the cookie');
    session.refresh_token = cookie[1];
    session.access_token = (await res.json()).access_token;
  });

  test('the web page at the cards-service signs in through the containerised auth-service and lists the cards', async () => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-quic', '--no-first-run', '--disable-sync'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`${CARDS}/`);
      await page.waitForSelector('body[data-ready="true"]');
      await page.getByLabel('Email').fill(email);
      // exact: the Account view has other password fields (current, new, confirm with your password).
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByText('Where does this run?').waitFor();
      await sleep((ACCESS_SECONDS + SKEW_SECONDS + 1) * 1000);
      await page.getByRole('button', { name: 'Call the API now' }).click();
      await page.waitForFunction(() => /\(retry\) → 200/.test(document.querySelector('#timeline li')?.textContent ?? ''));
      await page.getByRole('button', { name: 'Log out' }).click();
      await page.getByRole('button', { name: 'Log in' }).waitFor();
    } finally {
      await browser.close();
    }
  });

  test('each JVM maps the AOT cache its image carries', { skip: !JVM || !CONTAINERS.auth }, () => {
    for (const name of [CONTAINERS.auth, CONTAINERS.cards]) {
      const maps = engine('exec', name, 'cat', '/proc/1/maps');
      assert.match(maps, /\/deployments\/app\.aot/, `${name}: the JVM (pid 1) has /deployments/app.aot mapped`);
      const logs = engine('logs', name);
      assert.doesNotMatch(logs, /AOT cache|unable to use shared archive|\[warning\]\[(aot|cds)/i, `${name} warned about its cache`);
    }
  });

  test('a restarted auth-service still refreshes the session', { skip: !CONTAINERS.auth }, async () => {
    engine('stop', '--time', '10', CONTAINERS.auth);
    engine('start', CONTAINERS.auth);
    await until('the auth-service answers again', 90, async () => (await fetch(`${AUTH}/.well-known/jwks.json`)).ok);
    const res = await fetch(`${AUTH}/auth/refresh`, bearer(session.refresh_token, { method: 'POST' }));
    assert.equal(res.status, 200);
    Object.assign(session, await res.json());
  });

  test('with PostgreSQL stopped the services answer 503, and recover once it is back', { skip: !CONTAINERS.postgres }, async () => {
    // A fresh access token, so the cards-service's answer is about the database, not expiry.
    const res = await fetch(`${AUTH}/auth/refresh`, bearer(session.refresh_token, { method: 'POST' }));
    await expectStatus(res, 200);
    Object.assign(session, await res.json());
    engine('stop', '--time', '5', CONTAINERS.postgres);
    try {
      await until('the cards-service answers 503', 30, async () => {
        const res = await fetch(`${CARDS}/cards`, bearer(session.access_token));
        return res.status === 503 && res.headers.get('retry-after') !== null;
      });
      await until('the auth-service answers 503', 30, async () => {
        const res = await fetch(`${AUTH}/auth/login`, json({ email, password: PASSWORD }));
        return res.status === 503;
      });
      await sleep(3000);
    } finally {
      engine('start', CONTAINERS.postgres);
    }
    await until('the auth-service recovers', 90, async () => {
      const res = await fetch(`${AUTH}/auth/refresh`, bearer(session.refresh_token, { method: 'POST' }));
      if (res.status !== 200) return false;
      Object.assign(session, await res.json());
      return true;
    });
    await until('the cards-service recovers', 90, async () => (await fetch(`${CARDS}/cards`, bearer(session.access_token))).status === 200);
  });

  test('a user signed in from three clients sees three sessions, ends one, and a password change ends the others', async () => {
    const other = `e2e-sessions-${Date.now()}@example.com`;
    await expectStatus(await fetch(`${AUTH}/auth/signup`, json({ email: other, password: PASSWORD })), 201);
    const devices = ['Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0', 'cards-cli/1.0', 'okhttp/5.0'];
    const signed = [];
    for (const agent of devices) {
      const res = await fetch(`${AUTH}/auth/login`, { ...json({ email: other, password: PASSWORD }), headers: { 'Content-Type': 'application/json', 'User-Agent': agent } });
      await expectStatus(res, 200);
      signed.push(await res.json());
    }
    let res = await fetch(`${AUTH}/auth/sessions`, bearer(signed[0].access_token));
    await expectStatus(res, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const { items } = await res.json();
    assert.equal(items.length, 3);
    assert.equal(items.filter((s) => s.current).length, 1);
    assert.ok(items.every((s) => !JSON.stringify(s).includes(signed[0].refresh_token)), 'no refresh token in the list');
    const third = items.find((s) => !s.current && /okhttp/i.test(s.device)) ?? items.find((s) => !s.current);
    res = await fetch(`${AUTH}/auth/sessions/${third.id}`, bearer(signed[0].access_token, { method: 'DELETE' }));
    await expectStatus(res, 204);
    const refresh = (token) => fetch(`${AUTH}/auth/refresh`, bearer(token, { method: 'POST' }));
    const ended = signed.findIndex((t) => JSON.parse(Buffer.from(t.access_token.split('.')[1], 'base64url')).sid === third.id);
    assert.notEqual(ended, -1, 'the ended session is one of the three sign-ins');
    await expectStatus(await refresh(signed[ended].refresh_token), 401);
    const alive = [0, 1, 2].filter((i) => i !== ended);
    for (const i of alive) {
      res = await refresh(signed[i].refresh_token);
      await expectStatus(res, 200);
      signed[i] = await res.json();
    }
    const [mine, theirs] = alive;
    res = await fetch(`${AUTH}/auth/password`, bearer(signed[mine].access_token,
      json({ current_password: PASSWORD, new_password: 'a brand new passphrase' })));
    await expectStatus(res, 204);
    await expectStatus(await refresh(signed[theirs].refresh_token), 401);
    await expectStatus(await refresh(signed[mine].refresh_token), 200);
    await expectStatus(await fetch(`${AUTH}/auth/login`, json({ email: other, password: 'a brand new passphrase' })), 200);
  });

  test('an account deleted while the cards-service is stopped leaves no card and no session once it is back', { skip: !CONTAINERS.cards }, async () => {
    const doomed = `e2e-deleted-${Date.now()}@example.com`;
    await expectStatus(await fetch(`${AUTH}/auth/signup`, json({ email: doomed, password: PASSWORD })), 201);
    let res = await fetch(`${AUTH}/auth/login`, json({ email: doomed, password: PASSWORD }));
    await expectStatus(res, 200);
    const tokens = await res.json();
    for (const question of ['Gone?', 'Also gone?']) {
      await expectStatus(await fetch(`${CARDS}/cards`, bearer(tokens.access_token, json({ question, answer: 'yes' }))), 201);
    }
    res = await fetch(`${AUTH}/auth/me`, bearer(tokens.access_token));
    const { id } = await res.json();
    const psql = (db, sql) => engine('exec', CONTAINERS.postgres, 'psql', '-U', 'postgres', '-d', db, '-tAc', sql).trim();
    assert.equal(psql('cards_cards', `select count(*) from card where owner_id = '${id}'`), '2');
    for (const c of CARDS_REPLICAS) engine('stop', '--time', '10', c);
    try {
      res = await fetch(`${AUTH}/auth/account/deletion`, bearer(tokens.access_token, json({ password: PASSWORD })));
      await expectStatus(res, 204);
      await expectStatus(await fetch(`${AUTH}/auth/refresh`, bearer(tokens.refresh_token, { method: 'POST' })), 401);
      assert.equal(psql('cards_auth', `select count(*) from app_user where id = '${id}'`), '0');
      assert.equal(psql('cards_auth', `select count(*) from refresh_session where user_id = '${id}'`), '0');
      // Down: the cards wait for it, the deletion waits in the auth-service's outbox.
      assert.equal(psql('cards_cards', `select count(*) from card where owner_id = '${id}'`), '2');
      assert.equal(psql('cards_auth', `select count(*) from account_deletion where user_id = '${id}'`), '1');
    } finally {
      for (const c of CARDS_REPLICAS) engine('start', c);
    }
    await until('the cards-service deletes the cards once it is back', 120,
      async () => psql('cards_cards', `select count(*) from card where owner_id = '${id}'`) === '0');
    await until('the deletion is acknowledged', 60,
      async () => psql('cards_auth', `select count(*) from account_deletion where user_id = '${id}'`) === '0');
    // The same email again is a new user, with a new sub and none of the old cards.
    await expectStatus(await fetch(`${AUTH}/auth/signup`, json({ email: doomed, password: PASSWORD })), 201);
    res = await fetch(`${AUTH}/auth/login`, json({ email: doomed, password: PASSWORD }));
    await expectStatus(res, 200);
    const again = await res.json();
    const me = await (await fetch(`${AUTH}/auth/me`, bearer(again.access_token))).json();
    assert.notEqual(me.id, id);
    await until('the cards-service answers again', 90, async () => (await fetch(`${CARDS}/cards`, bearer(again.access_token))).status === 200);
    const page = await (await fetch(`${CARDS}/cards`, bearer(again.access_token))).json();
    assert.deepEqual(page.items, []);
  });

  test('logout ends the session: its refresh token is refused', async () => {
    let res = await fetch(`${AUTH}/auth/logout`, bearer(session.refresh_token, { method: 'POST' }));
    assert.equal(res.status, 204);
    res = await fetch(`${AUTH}/auth/refresh`, bearer(session.refresh_token, { method: 'POST' }));
    assert.equal(res.status, 401);
  });
});
