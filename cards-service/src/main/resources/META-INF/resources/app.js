// The page: sign-in, the cards (list, add, edit with If-Match, delete), a study mode, and a live
// view of the token mechanism (the access token's remaining life and a timeline of every call).
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
  show('workspace', true);
  $('logout').hidden = false;
  $('who').textContent = email ? `Signed in as ${email}` : 'Signed in';
  await refreshCards();
}

function signedOut(message) {
  cards = [];
  stopEdit();
  show('workspace', false);
  show('signin', true);
  $('logout').hidden = true;
  $('who').textContent = message ?? '';
  renderCards();
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
