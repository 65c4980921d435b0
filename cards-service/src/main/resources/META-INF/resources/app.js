// The page: sign-in, the cards (list, add, edit with If-Match, delete), a study mode, and a live
// view of the token mechanism (the access token's remaining life and a timeline of every call), and
// an Account view: the user's sessions (each can be ended), a password change and the account's deletion.
import { createSession, SessionEnded } from './session.js';

const $ = (id) => document.getElementById(id);
const TIMELINE_LENGTH = 60;

let session;
let cards = [];
let editing = null;
let study = { order: [], at: 0 };

function show(id, visible) { $(id).hidden = !visible; }

function report(error) {
  if (error instanceof SessionEnded) {
    signedOut(error.message);
    return;
  }
  const problem = error.response?.data;
  const message = problem?.detail ?? problem?.error_description ?? error.message;
  $('error').textContent = error.response ? `${error.response.status}: ${message}` : message;
  show('error', true);
}

function clearError() { show('error', false); }

function onCall({ label, status, ms, challenge }) {
  const item = document.createElement('li');
  const time = new Date().toISOString().slice(11, 23);
  item.className = `s${status}${label.includes('/auth/refresh') ? ' refresh' : ''}`;
  item.textContent = `${time} ${label} → ${status}${challenge ? ` ${challenge}` : ''} (${Math.round(ms)} ms)`;
  $('timeline').prepend(item);
  while ($('timeline').children.length > TIMELINE_LENGTH) $('timeline').lastElementChild.remove();
}

function renderToken() {
  const { present, expiresAt, lifetime } = session.tokenState();
  if (!present) {
    $('token-life').textContent = 'none';
    $('token-meter').value = 0;
    return;
  }
  const left = Math.max(0, (expiresAt - Date.now()) / 1000);
  $('token-life').textContent = left > 0 ? `expires in ${left.toFixed(1)} s` : 'expired (the next call refreshes it)';
  $('token-meter').value = lifetime > 0 ? left / lifetime : 0;
}

function renderCards() {
  const list = $('cards');
  list.replaceChildren(...cards.map((card) => {
    const item = document.createElement('li');
    const question = Object.assign(document.createElement('p'), { className: 'question', textContent: card.question });
    const answer = Object.assign(document.createElement('p'), { className: 'answer', textContent: card.answer });
    const buttons = Object.assign(document.createElement('div'), { className: 'buttons' });
    const edit = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Edit' });
    edit.setAttribute('aria-label', `Edit: ${card.question}`);
    edit.addEventListener('click', () => startEdit(card));
    const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Delete' });
    remove.setAttribute('aria-label', `Delete: ${card.question}`);
    remove.addEventListener('click', () => run(async () => { await session.deleteCard(card); await refreshCards(); }));
    buttons.append(edit, remove);
    item.append(question, answer, buttons);
    return item;
  }));
  $('study-start').disabled = cards.length === 0;
}

async function refreshCards() {
  cards = await session.listCards();
  renderCards();
}

function startEdit(card) {
  editing = card;
  $('question').value = card.question;
  $('answer').value = card.answer;
  $('save').textContent = 'Save changes';
  show('cancel-edit', true);
  $('question').focus();
}

function stopEdit() {
  editing = null;
  $('card-form').reset();
  $('save').textContent = 'Add card';
  show('cancel-edit', false);
}

async function signedIn(email) {
  show('signin', false);
  showView('cards');
  show('views', true);
  $('logout').hidden = false;
  $('who').textContent = email ? `Signed in as ${email}` : 'Signed in';
  await refreshCards();
}

function signedOut(message) {
  cards = [];
  stopEdit();
  show('workspace', false);
  show('account', false);
  show('views', false);
  resetAccount();
  show('signin', true);
  $('logout').hidden = true;
  $('who').textContent = message ?? '';
  renderCards();
}

/** Cards or Account: one of the two sections is shown, and its button pressed. */
function showView(view) {
  show('workspace', view === 'cards');
  show('account', view === 'account');
  $('view-cards').setAttribute('aria-pressed', String(view === 'cards'));
  $('view-account').setAttribute('aria-pressed', String(view === 'account'));
}

// The Account view.

const when = (instant) => {
  const time = document.createElement('time');
  time.dateTime = instant;
  time.textContent = new Date(instant).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return time;
};

function renderSessions(sessions) {
  $('sessions').replaceChildren(...sessions.map((s) => {
    const item = document.createElement('li');
    if (s.current) item.className = 'current';
    const device = Object.assign(document.createElement('p'), { className: 'device', textContent: s.device });
    if (s.current) device.append(' ', Object.assign(document.createElement('span'), { className: 'mark current', textContent: 'this device' }));
    if (s.dpop_bound) {
      const mark = Object.assign(document.createElement('span'), { className: 'mark', textContent: 'DPoP' });
      mark.title = 'Its tokens are bound to a key kept on that device';
      device.append(' ', mark);
    }
    const details = Object.assign(document.createElement('p'), { className: 'details' });
    details.append(`${s.client} · started `, when(s.started_at), ' · last used ', when(s.last_used_at),
      ...(s.address ? [` · from ${s.address}`] : []));
    const buttons = Object.assign(document.createElement('div'), { className: 'buttons' });
    const end = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Sign out' });
    end.setAttribute('aria-label', `Sign out: ${s.device}${s.current ? ' (this device)' : ''}, ${s.client}, started ${new Date(s.started_at).toLocaleString()}`);
    end.addEventListener('click', () => run(() => endSession(s)));
    buttons.append(end);
    item.append(device, details, buttons);
    return item;
  }));
}

async function refreshSessions() {
  renderSessions(await session.listSessions());
}

async function endSession(s) {
  if (s.current) {
    // This page's own session: the same as "Log out" (the session ends and the cookie is cleared).
    await session.logOut();
    signedOut('Signed out');
    return;
  }
  await session.endSession(s.id);
  accountMessage(`Signed out the session on ${s.device} (${s.client}).`);
  await refreshSessions();
}

function accountMessage(text) {
  $('account-message').textContent = text;
}

/** Shows a refused request's problem: its detail in `problemId`, each field error beside its input. */
function showProblem(problemId, error, fields) {
  const problem = error.response?.data;
  const detail = problem?.detail ?? problem?.title ?? error.message;
  const unplaced = [];
  for (const { field, message } of problem?.errors ?? []) {
    const input = fields[field];
    if (!input) {
      unplaced.push(`${field}: ${message}`);
      continue;
    }
    $(input).setAttribute('aria-invalid', 'true');
    $(`${input}-error`).textContent = message;
    show(`${input}-error`, true);
  }
  $(problemId).textContent = [detail, ...unplaced].join(' — ');
  show(problemId, true);
}

function clearProblem(problemId, inputs) {
  show(problemId, false);
  $(problemId).textContent = '';
  for (const input of inputs) {
    $(input).removeAttribute('aria-invalid');
    const fieldError = $(`${input}-error`);
    if (fieldError) {
      fieldError.textContent = '';
      fieldError.hidden = true;
    }
  }
}

/** Runs an account form's request: its problem (4xx) is shown in the form, anything else as usual. */
async function runForm(problemId, fields, action) {
  clearError();
  clearProblem(problemId, [...new Set(Object.values(fields))]);
  try {
    await action();
  } catch (error) {
    const status = error.response?.status;
    if (!(error instanceof SessionEnded) && status >= 400 && status < 500 && status !== 401) {
      showProblem(problemId, error, fields);
      return;
    }
    report(error);
  }
}

// The problem's errors name the request's fields as the server's Java records do (newPassword), not
// as its JSON does (new_password); both are placed.
const PASSWORD_FIELDS = {
  currentPassword: 'current-password', current_password: 'current-password',
  newPassword: 'new-password', new_password: 'new-password',
};

function resetAccount() {
  $('sessions').replaceChildren();
  accountMessage('');
  $('password-form').reset();
  $('deletion-form').reset();
  clearProblem('password-problem', [...new Set(Object.values(PASSWORD_FIELDS))]);
  clearProblem('deletion-problem', ['deletion-password']);
}

async function changePassword() {
  await session.changePassword($('current-password').value, $('new-password').value);
  $('password-form').reset();
  accountMessage('Password changed. Every other session was signed out; this one stays signed in.');
  await refreshSessions();
}

async function deleteAccount() {
  if (!$('deletion-confirm').checked) {
    $('deletion-problem').textContent = 'Tick the box to confirm that the account and all its cards are to be deleted.';
    show('deletion-problem', true);
    $('deletion-confirm').focus();
    return;
  }
  await session.deleteAccount($('deletion-password').value);
  signedOut('Your account and its cards are deleted.');
}

async function run(action) {
  clearError();
  try {
    await action();
  } catch (error) {
    report(error);
  }
}

function credentials() {
  return [$('email').value.trim(), $('password').value];
}

function nextStudyCard() {
  if (study.at >= study.order.length) {
    study = { order: [...cards].sort(() => Math.random() - 0.5), at: 0 };
  }
  const card = study.order[study.at++];
  $('study-question').textContent = card.question;
  $('study-answer').textContent = card.answer;
  show('study-answer', false);
  $('study-reveal').focus();
}

function wire() {
  $('signin-form').addEventListener('submit', (event) => {
    event.preventDefault();
    run(async () => {
      const [email, password] = credentials();
      await session.logIn(email, password);
      $('password').value = '';
      await signedIn(email);
    });
  });
  $('signup').addEventListener('click', () => run(async () => {
    const [email, password] = credentials();
    await session.signUp(email, password);
    await session.logIn(email, password);
    $('password').value = '';
    await signedIn(email);
  }));
  $('logout').addEventListener('click', () => run(async () => {
    await session.logOut();
    signedOut('Signed out');
  }));
  $('card-form').addEventListener('submit', (event) => {
    event.preventDefault();
    run(async () => {
      const content = { question: $('question').value, answer: $('answer').value };
      if (editing) await session.updateCard(editing, content);
      else await session.createCard(content);
      stopEdit();
      await refreshCards();
    });
  });
  $('cancel-edit').addEventListener('click', stopEdit);
  $('study-start').addEventListener('click', () => {
    study = { order: [], at: 0 };
    show('study', true);
    nextStudyCard();
  });
  $('study-reveal').addEventListener('click', () => show('study-answer', true));
  $('study-next').addEventListener('click', nextStudyCard);
  $('study-stop').addEventListener('click', () => show('study', false));
  $('expire').addEventListener('click', () => run(refreshCards));
  $('view-cards').addEventListener('click', () => run(async () => { showView('cards'); await refreshCards(); }));
  $('view-account').addEventListener('click', () => run(async () => {
    accountMessage('');
    showView('account');
    await refreshSessions();
  }));
  $('sessions-reload').addEventListener('click', () => run(refreshSessions));
  $('password-form').addEventListener('submit', (event) => {
    event.preventDefault();
    runForm('password-problem', PASSWORD_FIELDS, changePassword);
  });
  $('deletion-form').addEventListener('submit', (event) => {
    event.preventDefault();
    runForm('deletion-problem', { password: 'deletion-password' }, deleteAccount);
  });
}

async function start() {
  const config = await (await fetch('/web/config', { headers: { Accept: 'application/json' } })).json();
  session = createSession({ authUrl: config.authUrl, onCall, onToken: renderToken });
  // For the browser console and the browser tests: the same calls the page makes.
  window.cards = session;
  wire();
  setInterval(renderToken, 200);
  await run(async () => {
    if (await session.resume()) {
      const user = await session.me();
      await signedIn(user.email);
    } else {
      signedOut();
    }
  });
  document.body.dataset.ready = 'true';
}

start();
