// Scenario 4a: without a host manifest a paste inserts nothing and the agent is told Veil's
// helper is not installed (fail closed); the page never sees the pasted values.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness/browser.js');
const c = require('./harness/chat.js');
const { DUTCH_EMAIL, DUTCH_VALUES } = require('./harness/data.js');

test('no host manifest: nothing is inserted and the notice says so', async (t) => {
  const run = await h.launch({ name: 'nohost', manifest: false });
  t.after(() => run.close());
  const chat = await c.openChat(run, 'chatgpt');
  await h.paste(run, chat.page, chat.site.composer, DUTCH_EMAIL);
  const notice = await h.waitFor(async () => (await h.closedShadowText(chat.page, 'veil-notice')).find((x) => /not installed/i.test(x)),
    { what: 'the "not installed" notice' });
  assert.match(notice, /install\.sh/, 'the notice tells how to fix it');
  await chat.page.waitForTimeout(500);
  assert.equal((await c.composerText(chat)).trim(), '', 'nothing was inserted');
  await h.screenshot(chat.page, 'scenario4-not-installed');
  h.assertNoLeak(await h.recorded(run, [chat.page]), DUTCH_VALUES);
});
