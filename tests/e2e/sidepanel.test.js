// Scenario 6: the side panel (opened as a tab) lists the conversation's masked items with
// their values and erases them; afterwards Restore reports the placeholders as unknown.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness/browser.js');
const c = require('./harness/chat.js');
const { DUTCH_EMAIL, DUTCH_VALUES } = require('./harness/data.js');

test('side panel lists and erases a conversation; restore then knows nothing', async (t) => {
  const run = await h.launch({ name: 'sidepanel' });
  t.after(() => run.close());
  run.server.state.answer = (host, message) => `Antwoord voor ${c.placeholdersIn(message).join(' en ')}.`;
  const chat = await c.openChat(run, 'chatgpt');
  await h.paste(run, chat.page, chat.site.composer, DUTCH_EMAIL);
  const masked = await c.waitComposer(chat, (s) => c.placeholdersIn(s).length >= 4, 'placeholders in the composer');
  const placeholders = c.placeholdersIn(masked);
  await chat.page.keyboard.press('Enter');
  await c.waitAnswers(chat, 1);

  const panel = await run.ctx.newPage();
  await panel.goto(`chrome-extension://${run.extId}/sidepanel/sidepanel.html`);
  // The panel follows the active tab: make the chat tab active again.
  await chat.page.bringToFront();
  await panel.waitForSelector('#entries tr', { timeout: 20000 });
  const rows = await panel.locator('#entries tr').allInnerTexts();
  for (const p of placeholders) assert.ok(rows.some((r) => r.includes(p)), `the panel lists ${p}`);
  for (const v of ['sanne.devries@example.nl', 'NL91ABNA0417164300']) {
    assert.ok(rows.some((r) => r.includes(v)), 'the panel shows the original value');
  }
  await h.screenshot(panel, 'scenario6-sidepanel-items');

  panel.on('dialog', (d) => d.accept());
  await panel.click('#forget');
  await h.waitFor(async () => (await panel.locator('#entries tr').count()) === 0, { what: 'the list to empty' });
  assert.ok(await panel.locator('#noentries').isVisible(), 'the panel says nothing is masked');
  await h.screenshot(panel, 'scenario6-sidepanel-erased');

  await chat.page.bringToFront();
  await c.clickRestore(chat, 0);
  const { result } = await c.restoreFrameText(chat);
  for (const v of DUTCH_VALUES) assert.ok(!result.includes(v), 'an erased value came back');
  assert.match(result, /Not restored/);
  for (const p of placeholders) assert.ok(result.includes(p.slice(1, -1)), `${p} is reported as unknown`);
  await h.screenshot(chat.page, 'scenario6-restore-unknown');
  h.assertNoLeak(await h.recorded(run, [chat.page]), DUTCH_VALUES);
});
