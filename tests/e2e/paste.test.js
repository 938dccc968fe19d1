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
