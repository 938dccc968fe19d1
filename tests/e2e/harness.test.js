// The e2e harness itself: the installer writes the profile's manifest, the real extension
// loads with its stable ID, the fake sites serve a working editor over HTTPS under their real
// host names, and the nosy recorder does see what is typed (a positive control, so the
// no-leak assertions of the other tests can fail).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness/browser.js');

test('harness: profile, extension, fake sites, recorder', async (t) => {
  const run = await h.launch({ name: 'harness' });
  t.after(() => run.close());

  await t.test('the installer wrote the profile manifest for the built host', () => {
    const m = JSON.parse(fs.readFileSync(path.join(run.udd, 'NativeMessagingHosts', 'com.veil.host.json'), 'utf8'));
    assert.equal(m.name, 'com.veil.host');
    assert.equal(m.type, 'stdio');
    assert.equal(m.path, run.hostPath);
    assert.deepEqual(m.allowed_origins, [`chrome-extension://${h.expectedExtensionId()}/`]);
  });

  await t.test('the extension runs with its stable ID', () => {
    assert.equal(run.extId, h.expectedExtensionId());
  });

  await t.test('chatgpt.com: ProseMirror composer, recorder sees typing', async () => {
    const page = await run.ctx.newPage();
    await page.goto('https://chatgpt.com/c/harness-1');
    await page.waitForSelector('#prompt-textarea.ProseMirror[contenteditable="true"]');
    assert.ok(await page.$('button[data-testid="send-button"]'));
    await page.click('#prompt-textarea');
    await page.keyboard.type('zebra crossing');
    assert.equal(await page.evaluate(() => window.__fakeEditor.text()), 'zebra crossing');
    const items = await h.recorded(run, [page]);
    assert.throws(() => h.assertNoLeak(items, ['zebra crossing']), /page saw original values/);
    await h.screenshot(page, 'harness-chatgpt');
  });

  await t.test('gemini.google.com: Quill 2 composer in rich-textarea, recorder sees typing', async () => {
    const page = await run.ctx.newPage();
    await page.goto('https://gemini.google.com/app/harness-3');
    await page.waitForSelector('rich-textarea .ql-editor[contenteditable="true"]');
    assert.ok(await page.$('button.send-button'));
    await page.click('rich-textarea .ql-editor');
    await page.keyboard.type('zebra crossing');
    assert.equal(await page.evaluate(() => window.__fakeEditor.text()), 'zebra crossing');
    const items = await h.recorded(run, [page]);
    assert.ok(items.some((e) => e.kind === 'quill:doc' && e.text === 'zebra crossing'), 'the recorder sees the Quill document');
  });

  await t.test('copilot.microsoft.com: textarea composer, streamed answer', async () => {
    run.server.state.answer = () => 'Streaming works fine.';
    const page = await run.ctx.newPage();
    await page.goto('https://copilot.microsoft.com/chats/harness-2');
    await page.click('textarea#userInput');
    await page.keyboard.type('good morning');
    // The page's own send (not the extension's intercepted Enter): this checks the site alone.
    await page.evaluate(() => window.__fakeChat.send());
    await h.waitFor(() => page.evaluate(() => window.__answersDone === 1), { what: 'the streamed answer' });
    assert.equal(await page.textContent('[data-content="ai-message"]'), 'Streaming works fine.');
    const posted = run.server.state.requests.filter((r) => r.method === 'POST');
    assert.equal(posted.length, 1);
    assert.equal(JSON.parse(posted[0].body).message, 'good morning');
    await h.screenshot(page, 'harness-copilot');
  });
});
