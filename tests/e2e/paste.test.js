// Scenario 1: an agent pastes a Dutch customer email into ChatGPT (and into Gemini's Quill and
// Copilot's textarea). The composer ends up with placeholders, and nothing the page can observe
// (events, DOM, network) ever held an original.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness/browser.js');
const c = require('./harness/chat.js');
const { DUTCH_EMAIL, DUTCH_VALUES } = require('./harness/data.js');

test('paste a Dutch customer email into chatgpt.com', async (t) => {
  const run = await h.launch({ name: 'paste' });
  t.after(() => run.close());
  const chat = await c.openChat(run, 'chatgpt');

  await h.paste(run, chat.page, chat.site.composer, DUTCH_EMAIL);
  const text = await c.waitComposer(chat, (s) => c.placeholdersIn(s).length >= 4, 'placeholders in the composer');

  for (const v of DUTCH_VALUES) assert.ok(!text.includes(v), 'an original value is in the composer');
  const ph = c.placeholdersIn(text);
  assert.ok(ph.some((p) => p.startsWith('[EMAIL_')), 'the email became a placeholder');
  assert.ok(ph.some((p) => p.startsWith('[IBAN_')), 'the IBAN became a placeholder');
  // The surrounding prose survives, line structure included.
  assert.match(text, /Beste klantenservice/);
  assert.match(text, /Met vriendelijke groet/);
  // Both mentions of the same name get the same placeholder.
  const names = text.match(/\[(?:NAME|PERSON)_\d+\]/g) || [];
  assert.equal(names.length, 2, 'the name appears twice as a placeholder');
  assert.equal(names[0], names[1]);

  await chat.page.waitForTimeout(500); // let the page's 100 ms poller see the final state
  await h.screenshot(chat.page, 'scenario1-paste');
  const items = await h.recorded(run, [chat.page]);
  const n = h.assertNoLeak(items, DUTCH_VALUES);
  assert.ok(n > 10, 'the recorder saw the paste activity');
  assertMaskedPasteEvents(items, 'ProseMirror');
});

// The extension hands multi-line masked text to ProseMirror and Quill as a synthetic paste
// (issue 8). The page sees that event: it must carry the masked text and nothing else, and the
// user's own paste must never reach the page.
function assertMaskedPasteEvents(items, editorName) {
  const pastes = items.filter((e) => e.kind === 'paste:data');
  assert.ok(pastes.length > 0, `${editorName} got the masked text as a paste event`);
  for (const p of pastes) {
    assert.ok(c.placeholdersIn(p.text).length >= 4, 'every paste event the page saw carries the placeholders');
    for (const v of DUTCH_VALUES) assert.ok(!p.text.includes(v), 'a paste event the page saw holds an original value');
  }
  assert.equal(items.filter((e) => e.kind === 'paste:html').length, 0, 'the synthetic paste carries no HTML');
  // The editor took it: no execCommand('insertText') fallback (its beforeinput carries the text).
  assert.equal(items.filter((e) => e.kind === 'beforeinput:e.data' && c.placeholdersIn(e.text).length > 0).length, 0,
    `${editorName} inserted the paste itself`);
}

test('paste into gemini.google.com (a real Quill 2 editor), then send', async (t) => {
  const run = await h.launch({ name: 'paste-gemini' });
  t.after(() => run.close());
  const chat = await c.openChat(run, 'gemini');

  await h.paste(run, chat.page, chat.site.composer, DUTCH_EMAIL);
  const text = await c.waitComposer(chat, (s) => c.placeholdersIn(s).length >= 4, 'placeholders in the Quill composer');
  for (const v of DUTCH_VALUES) assert.ok(!text.includes(v), 'an original value is in the composer');
  // Quill keeps the line structure of a plain-text paste, empty lines included.
  assert.equal(text.split('\n').length, DUTCH_EMAIL.split('\n').length);
  assert.match(text, /^Beste klantenservice,\n\nMijn naam is \[/);

  await chat.page.keyboard.press('Enter');
  await c.waitAnswers(chat, 1);
  const sent = await c.sentMessages(chat);
  assert.equal(sent.length, 1);
  assert.equal(sent[0], text);

  await chat.page.waitForTimeout(500);
  await h.screenshot(chat.page, 'paste-gemini-quill');
  const items = await h.recorded(run, [chat.page]);
  h.assertNoLeak(items, DUTCH_VALUES);
  assertMaskedPasteEvents(items, 'Quill');
});

test('multi-line paste into the copilot textarea keeps the native setter (no paste event)', async (t) => {
  const run = await h.launch({ name: 'paste-copilot' });
  t.after(() => run.close());
  const chat = await c.openChat(run, 'copilot');

  await h.paste(run, chat.page, chat.site.composer, DUTCH_EMAIL);
  const text = await c.waitComposer(chat, (s) => c.placeholdersIn(s).length >= 4, 'placeholders in the textarea');
  assert.equal(text.split('\n').length, DUTCH_EMAIL.split('\n').length);
  await chat.page.waitForTimeout(300);
  const items = await h.recorded(run, [chat.page]);
  h.assertNoLeak(items, DUTCH_VALUES);
  assert.equal(items.filter((e) => e.kind === 'paste:data').length, 0, 'a textarea gets no synthetic paste');
  assert.ok(items.some((e) => e.kind === 'copilot:state' && c.placeholdersIn(e.text).length >= 4), 'the page state holds the masked text');
});

// The measuring paste of bench/paste_latency.js: it must measure a real masked paste (the
// benchmark's numbers mean nothing otherwise). Asserts behaviour, not time.
test('timedPaste: a measured paste is a real masked paste', async (t) => {
  const run = await h.launch({ name: 'timed-paste' });
  t.after(() => run.close());
  const chat = await c.openChat(run, 'chatgpt');

  const first = await c.timedPaste(run, chat, DUTCH_EMAIL, { minPlaceholders: 4 });
  for (const v of DUTCH_VALUES) assert.ok(!first.text.includes(v), 'an original value is in the composer');
  assert.match(first.text, /Beste klantenservice/);
  assert.match(first.text, /Met vriendelijke groet/);
  assert.ok(first.placeholders >= 4, 'the composer holds the placeholders');
  // The clock starts at the keystroke and stops when the composer shows the masked text, which
  // is no later than ProseMirror's state holding it; the keystroke follows the press() call.
  assert.ok(Number.isFinite(first.ms) && first.ms > 0, 'a positive interval');
  assert.ok(first.stateMs >= first.ms);
  assert.ok(first.fromPressMs >= first.ms);

  // Cleared and pasted again: the same placeholders (same conversation), nothing left over.
  await c.clearComposer(chat);
  assert.equal((await c.composerText(chat)).trim(), '');
  const again = await c.timedPaste(run, chat, DUTCH_EMAIL, { minPlaceholders: 4 });
  assert.deepEqual(c.placeholdersIn(again.text).sort(), c.placeholdersIn(first.text).sort());
  assert.equal(editorLines(again.text), editorLines(first.text));

  await chat.page.waitForTimeout(500);
  const items = await h.recorded(run, [chat.page]);
  h.assertNoLeak(items, DUTCH_VALUES);
  assertMaskedPasteEvents(items, 'ProseMirror');
});

function editorLines(text) {
  return text.split('\n').length;
}
