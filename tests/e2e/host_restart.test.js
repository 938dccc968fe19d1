// Scenario 4b: the host is killed mid-session; the next paste starts a new host process and
// works, and the page still never sees an original value.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness/browser.js');
const c = require('./harness/chat.js');
const { DUTCH_EMAIL, DUTCH_VALUES, TYPED, TYPED_VALUES } = require('./harness/data.js');

test('the host killed mid-session: the next paste reconnects', async (t) => {
  const run = await h.launch({ name: 'killed' });
  t.after(() => run.close());
  const chat = await c.openChat(run, 'chatgpt');
  await h.paste(run, chat.page, chat.site.composer, DUTCH_EMAIL);
  await c.waitComposer(chat, (s) => c.placeholdersIn(s).length >= 4, 'the first paste');

  const pids = await h.waitFor(() => { const p = h.hostPids(run); return p.length ? p : null; }, { what: 'a running host' });
  for (const pid of pids) process.kill(pid, 'SIGKILL');
  await h.waitFor(() => h.hostPids(run).every((p) => !pids.includes(p)), { what: 'the host to die' });

  const before = c.placeholdersIn(await c.composerText(chat)).length;
  await chat.page.keyboard.press('End');
  await h.paste(run, chat.page, chat.site.composer, TYPED);
  await c.waitComposer(chat, (s) => c.placeholdersIn(s).length >= before + 2, 'the paste after the crash');
  const text = await c.composerText(chat);
  for (const v of TYPED_VALUES) assert.ok(!text.includes(v));
  assert.ok(h.hostPids(run).some((p) => !pids.includes(p)), 'a new host process runs');
  await h.screenshot(chat.page, 'scenario4-reconnected');
  h.assertNoLeak(await h.recorded(run, [chat.page]), [...DUTCH_VALUES, ...TYPED_VALUES]);
});
