// Scenario 2: an agent types personal data and sends it, with Enter and with the send button,
// on ChatGPT (ProseMirror) and Copilot (textarea). The page sends only masked text, and what
// it shows as the sent message is masked too.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness/browser.js');
const c = require('./harness/chat.js');
const { TYPED, TYPED_VALUES } = require('./harness/data.js');

// What the page sent over the network and what it put in the thread: never an original.
async function assertSentMasked(run, chat, n) {
  const sent = await c.sentMessages(chat);
  assert.equal(sent.length, n, `the page sent ${n} message(s)`);
  const last = sent[sent.length - 1];
  assert.ok(c.placeholdersIn(last).length >= 3, 'the sent message carries placeholders');
  const posted = run.server.state.requests.filter((r) => r.method === 'POST');
  assert.equal(posted.length, n);
  const network = posted.map((r) => ({ where: 'server', kind: 'POST body', text: r.body }));
  const log = await chat.page.evaluate(() => window.__nosy.dump());
  const fetches = log.filter((e) => e.kind.startsWith('fetch') || e.kind.startsWith('xhr') || e.kind.startsWith('beacon'));
  const thread = await chat.page.locator(chat.site.user).allInnerTexts();
  h.assertNoLeak([...network, ...fetches.map((e) => ({ where: 'page', kind: e.kind, text: e.text })),
    ...thread.map((x) => ({ where: 'page', kind: 'thread', text: x }))], TYPED_VALUES);
}

async function typeAndSend(run, site, how, shot) {
  const chat = await c.openChat(run, site);
  await chat.page.click(chat.site.composer);
  await chat.page.keyboard.type(TYPED);
  if (how === 'enter') await chat.page.keyboard.press('Enter');
  else await chat.page.click(chat.site.send);
  await c.waitAnswers(chat, 1);
  await assertSentMasked(run, chat, 1);
  assert.equal((await c.composerText(chat)).trim(), '', 'the composer was cleared by the send');
  await h.screenshot(chat.page, shot);
  return chat;
}

test('typed personal data is masked before the page sends it', async (t) => {
  const run = await h.launch({ name: 'submit' });
  t.after(() => run.close());
  await t.test('chatgpt.com, Enter', () => typeAndSend(run, 'chatgpt', 'enter', 'scenario2-chatgpt-enter'));
  run.server.state.requests.length = 0;
  await t.test('chatgpt.com, send button', () => typeAndSend(run, 'chatgpt', 'button', 'scenario2-chatgpt-button'));
  run.server.state.requests.length = 0;
  await t.test('copilot.microsoft.com, Enter', () => typeAndSend(run, 'copilot', 'enter', 'scenario2-copilot-enter'));
  run.server.state.requests.length = 0;
  await t.test('copilot.microsoft.com, send button', () => typeAndSend(run, 'copilot', 'button', 'scenario2-copilot-button'));
});
