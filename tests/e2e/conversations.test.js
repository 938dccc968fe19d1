// Scenario 5: two tabs, two conversations. Placeholders are numbered per conversation (the
// second conversation starts again at _1, its values unrelated to the first), and the same
// value pasted twice in one conversation keeps its placeholder.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness/browser.js');
const c = require('./harness/chat.js');

const A_TEXT = 'Klant: Sanne de Vries, e-mail sanne.devries@example.nl, IBAN NL91ABNA0417164300.';
const B_TEXT = 'Kunde: Lukas Schneider, E-Mail lukas.schneider@example.de, IBAN DE89370400440532013000.';
const VALUES = ['Sanne de Vries', 'sanne.devries@example.nl', 'NL91ABNA0417164300', 'Lukas Schneider',
  'lukas.schneider@example.de', 'DE89370400440532013000'];

const pick = (text, prefix) => c.placeholdersIn(text).filter((p) => p.startsWith(prefix));

test('two tabs keep separate placeholder maps; repeats keep their placeholder', async (t) => {
  const run = await h.launch({ name: 'conversations' });
  t.after(() => run.close());
  const a = await c.openChat(run, 'chatgpt', 'conversation-a');
  const b = await c.openChat(run, 'chatgpt', 'conversation-b');

  await h.paste(run, a.page, a.site.composer, A_TEXT);
  const a1 = await c.waitComposer(a, (s) => pick(s, '[EMAIL_').length === 1 && pick(s, '[IBAN_').length === 1, 'tab A masked');
  await h.paste(run, b.page, b.site.composer, B_TEXT);
  const b1 = await c.waitComposer(b, (s) => pick(s, '[EMAIL_').length === 1 && pick(s, '[IBAN_').length === 1, 'tab B masked');

  // Each conversation numbers from 1: B did not continue A's counters.
  assert.deepEqual(pick(a1, '[EMAIL_'), ['[EMAIL_1]']);
  assert.deepEqual(pick(b1, '[EMAIL_'), ['[EMAIL_1]']);
  assert.deepEqual(pick(b1, '[IBAN_'), ['[IBAN_1]']);

  // The same text again in A: the same placeholders, no new numbers.
  await a.page.keyboard.press('End');
  await h.paste(run, a.page, a.site.composer, ` ${A_TEXT}`);
  const a2 = await c.waitComposer(a, (s) => (s.match(/\[EMAIL_\d+\]/g) || []).length === 2, 'tab A second paste');
  assert.deepEqual(pick(a2, '[EMAIL_'), ['[EMAIL_1]']);
  assert.deepEqual(pick(a2, '[IBAN_'), ['[IBAN_1]']);
  // B's values pasted into A are new to A.
  await h.paste(run, a.page, a.site.composer, ` ${B_TEXT}`);
  const a3 = await c.waitComposer(a, (s) => pick(s, '[EMAIL_').length === 2, 'tab A third paste');
  assert.deepEqual(pick(a3, '[EMAIL_').sort(), ['[EMAIL_1]', '[EMAIL_2]']);

  await h.screenshot(a.page, 'scenario5-tab-a');
  await h.screenshot(b.page, 'scenario5-tab-b');
  h.assertNoLeak(await h.recorded(run, [a.page, b.page]), VALUES);
});
