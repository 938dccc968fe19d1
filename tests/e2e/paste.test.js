// Scenario 1: an agent pastes a Dutch customer email into ChatGPT. The composer ends up with
// placeholders, and nothing the page can observe (events, DOM, network) ever held an original.
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
  const n = h.assertNoLeak(await h.recorded(run, [chat.page]), DUTCH_VALUES);
  assert.ok(n > 10, 'the recorder saw the paste activity');
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
  h.assertNoLeak(await h.recorded(run, [chat.page]), DUTCH_VALUES);
});

function editorLines(text) {
  return text.split('\n').length;
}
