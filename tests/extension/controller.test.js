// The content-script controller on jsdom pages mirroring the sites: paste, drop and submit
// are intercepted before the page sees them, masked through the (fake) service worker,
// written and read back; the send is replayed only after verification; failures insert and
// send nothing; Restore buttons are attached idempotently and carry only a token.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { createController } = require('../../extension/content/controller.js');
const adapters = require('../../extension/lib/adapters.js');
const editor = require('../../extension/lib/editor.js');
const scope = require('../../extension/lib/scope.js');
const { EXT, makeWindow, installExecCommand, installClipboardApi, installEditorPaste, pasteEvent, dropEvent, enterEvent, nosyPage } = require('./helpers.js');
const { SITES } = require('./fixtures.js');

const en = JSON.parse(fs.readFileSync(path.join(EXT, '_locales', 'en', 'messages.json'), 'utf8'));
function t(key, subs = []) {
  const m = en[key];
  return m ? m.message.replace(/\$(\d)/g, (_, i) => subs[Number(i) - 1] || '') : '';
}

const VALUES = /Jan Jansen|jan@example\.nl/g;

// The service worker as the content script sees it; masks two known values.
function fakeWorker({ failWith = null, config = {} } = {}) {
  const messages = [];
  let n = 0;
  const send = async (type, payload) => {
    messages.push({ type, ...payload });
    if (type === 'veil:contentConfig') return { ok: true, result: { adapter: 'x', enabled: true, failMode: 'closed', showNotice: true, ...config } };
    if (type === 'veil:scope') return { ok: true, result: { scope: payload.scope } };
    if (type === 'veil:anonymize') {
      if (failWith) return { ok: false, error: { code: failWith } };
      const entities = [];
      const counts = {};
      const text = payload.text.replace(VALUES, (v) => {
        const label = v.includes('@') ? 'EMAIL' : 'PERSON';
        counts[label] = (counts[label] || 0) + 1;
        entities.push({ label });
        return label === 'EMAIL' ? '[EMAIL_1]' : '[NAME_1]';
      });
      return { ok: true, result: { text, entities, counts } };
    }
    if (type === 'veil:prepareRestore') return { ok: true, result: { token: `tok${++n}`.padEnd(43, 'x') } };
    return { ok: true, result: {} };
  };
  return { send, messages };
}

// jsdom timers keep Node alive: stop controllers and close windows after each test.
const open = [];
test.afterEach(() => {
  for (const { controller, win } of open.splice(0)) {
    controller.stop();
    win.close();
  }
});

async function setup(siteId, { delay = true, worker = fakeWorker(), execOptions = {}, html } = {}) {
  const site = SITES[siteId];
  const win = makeWindow(html || site.html, site.url);
  const execLog = installExecCommand(win, { delay, ...execOptions });
  const adapter = adapters.adapterById(siteId);
  const controller = createController({
    win, adapter, send: worker.send, t, getURL: (p) => `chrome-extension://ffffffffffffffffffffffffffffffff/${p}`,
    restoreDebounceMs: 0, scopePollMs: 60000,
  });
  open.push({ controller, win });
  await controller.start();
  const composer = win.document.querySelector(adapter.composer);
  const seen = nosyPage(win, composer);
  const sends = [];
  win.document.getElementById('send').addEventListener('click', () => sends.push(editor.getText(composer)));
  return { win, doc: win.document, controller, composer, seen, sends, worker, execLog, adapter };
}

async function settle(win, tasks = 10) {
  for (let i = 0; i < tasks; i++) await new Promise((r) => win.setTimeout(r, 0));
}

function pageHtml(doc) {
  return doc.documentElement.outerHTML;
}

test('paste into a ProseMirror composer: the page never sees the event or the values', async () => {
  const { win, doc, controller, composer, seen, worker } = await setup('chatgpt');
  composer.focus();
  const ev = pasteEvent(win, 'Hi Jan Jansen, mail jan@example.nl');
  doc.getElementById('inner').dispatchEvent(ev);
  assert.equal(ev.defaultPrevented, true);
  await controller.whenIdle();
  assert.deepEqual(seen, []);
  assert.ok(editor.sameText(editor.getText(composer), 'Hi [NAME_1], mail [EMAIL_1]'));
  assert.doesNotMatch(pageHtml(doc), VALUES);
  const anon = worker.messages.find((m) => m.type === 'veil:anonymize');
  assert.equal(anon.text, 'Hi Jan Jansen, mail jan@example.nl');
  assert.ok(scope.isDraftKey(anon.scope));
  assert.equal(scope.hostOfScopeKey(anon.scope), 'chatgpt.com');
  assert.equal(controller.notice.state.kind, 'info');
  assert.match(controller.notice.state.text, /2 item/);
  assert.match(controller.notice.state.text, /1 × name/);
  assert.doesNotMatch(controller.notice.state.text, VALUES);
});

// Issue 8: multi-line text goes to ProseMirror/Quill 2 as one synthetic paste of the masked
// text that the editor handles itself; execCommand stays the fallback.
const MULTI = 'Beste,\n\nIk ben Jan Jansen.\nMail: jan@example.nl\nGroet';
const MULTI_MASKED = 'Beste,\n\nIk ben [NAME_1].\nMail: [EMAIL_1]\nGroet';

async function setupPasteEditor(siteId, { mode = 'insert', html } = {}) {
  const env = await setup(siteId, { html });
  installClipboardApi(env.win);
  const editorSaw = installEditorPaste(env.win, env.composer, { mode });
  // What the page can observe of every paste event: its clipboard text, trusted or not.
  const pageSaw = [];
  env.win.addEventListener('paste', (e) => pageSaw.push({ text: e.clipboardData.getData('text/plain'), trusted: e.isTrusted }), false);
  return { ...env, editorSaw, pageSaw };
}

for (const siteId of ['chatgpt', 'claude', 'gemini']) {
  test(`multi-line paste into ${siteId}: one synthetic paste with only the masked text, no execCommand`, async () => {
    const { win, doc, controller, composer, worker, execLog, editorSaw, pageSaw } = await setupPasteEditor(siteId);
    composer.focus();
    const ev = pasteEvent(win, MULTI);
    doc.getElementById('inner').dispatchEvent(ev);
    assert.equal(ev.defaultPrevented, true);
    await controller.whenIdle();
    assert.deepEqual(execLog, []);
    assert.deepEqual(editorSaw, [MULTI_MASKED]);
    assert.deepEqual(pageSaw, [{ text: MULTI_MASKED, trusted: false }]);
    assert.equal(worker.messages.filter((m) => m.type === 'veil:anonymize').length, 1, 'Veil let its own paste through, once');
    assert.ok(editor.sameText(editor.getText(composer), MULTI_MASKED));
    assert.doesNotMatch(pageHtml(doc), VALUES);
    assert.equal(controller.notice.state.kind, 'info');
  });
}

test('host unavailable with a paste-capable editor: no paste event, nothing inserted (fail closed)', async () => {
  const worker = fakeWorker({ failWith: 'host_crashed' });
  const env = await setup('chatgpt', { worker });
  installClipboardApi(env.win);
  const editorSaw = installEditorPaste(env.win, env.composer);
  env.composer.dispatchEvent(pasteEvent(env.win, MULTI));
  await env.controller.whenIdle();
  assert.deepEqual(editorSaw, []);
  assert.deepEqual(env.execLog, []);
  assert.equal(editor.normalize(editor.getText(env.composer)), '');
  assert.equal(env.controller.notice.state.text, t('err_host_crashed'));
});

test('an editor that takes the synthetic paste but inserts nothing: execCommand inserts it once', async () => {
  const { win, controller, composer, execLog, editorSaw } = await setupPasteEditor('chatgpt', { mode: 'swallow' });
  composer.dispatchEvent(pasteEvent(win, MULTI));
  await controller.whenIdle();
  assert.deepEqual(editorSaw, [MULTI_MASKED]);
  assert.deepEqual(execLog.map((e) => e.value), [MULTI_MASKED]);
  assert.ok(editor.sameText(editor.getText(composer), MULTI_MASKED));
  assert.equal(controller.notice.state.kind, 'info');
});

test('nobody handles the synthetic paste: execCommand at once', async () => {
  const { win, controller, composer, execLog } = await setup('chatgpt');
  installClipboardApi(win);
  const saw = [];
  win.addEventListener('paste', (e) => saw.push(e.clipboardData.getData('text/plain')), false);
  composer.dispatchEvent(pasteEvent(win, MULTI));
  await controller.whenIdle();
  assert.deepEqual(saw, [MULTI_MASKED]);
  assert.deepEqual(execLog.map((e) => e.value), [MULTI_MASKED]);
  assert.ok(editor.sameText(editor.getText(composer), MULTI_MASKED));
});

test('an editor that turns the synthetic paste into something else fails verification, without a second insert', async () => {
  const { win, controller, composer, execLog } = await setupPasteEditor('chatgpt', { mode: 'mangle' });
  composer.dispatchEvent(pasteEvent(win, MULTI));
  await controller.whenIdle();
  assert.deepEqual(execLog, []);
  assert.equal(controller.notice.state.text, t('err_verify_failed'));
  assert.doesNotMatch(editor.getText(composer), VALUES);
});

test('single-line text, textareas and Quill 1 keep their insert (no synthetic paste)', async () => {
  const one = await setupPasteEditor('chatgpt');
  one.composer.dispatchEvent(pasteEvent(one.win, 'Hi Jan Jansen'));
  await one.controller.whenIdle();
  assert.deepEqual(one.editorSaw, []);
  assert.deepEqual(one.execLog.map((e) => e.value), ['Hi [NAME_1]']);

  const ta = await setupPasteEditor('copilot');
  ta.composer.dispatchEvent(pasteEvent(ta.win, MULTI));
  await ta.controller.whenIdle();
  assert.deepEqual(ta.editorSaw, []);
  assert.equal(ta.composer.value, MULTI_MASKED);

  // Quill 1 pastes through its hidden .ql-clipboard container one task later.
  const quill1 = SITES.gemini.html.replace('</rich-textarea>', '<div class="ql-clipboard" contenteditable="true" tabindex="-1"></div></rich-textarea>');
  const q = await setupPasteEditor('gemini', { html: quill1 });
  q.composer.dispatchEvent(pasteEvent(q.win, MULTI));
  await q.controller.whenIdle();
  assert.deepEqual(q.editorSaw, []);
  assert.deepEqual(q.execLog.map((e) => e.value), [MULTI_MASKED]);
});

test('a paste the page dispatches while Veil\'s own is running is still intercepted', async () => {
  const { win, controller, composer, worker } = await setupPasteEditor('chatgpt');
  let nested = null;
  composer.addEventListener('paste', (e) => {
    if (nested || e.clipboardData.getData('text/plain') !== MULTI_MASKED) return;
    const dt = new win.DataTransfer();
    dt.setData('text/plain', 'Jan Jansen again');
    nested = new win.ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
    composer.dispatchEvent(nested);
  }, true);
  composer.dispatchEvent(pasteEvent(win, MULTI));
  await controller.whenIdle();
  await controller.whenIdle();
  assert.equal(nested.defaultPrevented, true);
  assert.deepEqual(worker.messages.filter((m) => m.type === 'veil:anonymize').map((m) => m.text), [MULTI, 'Jan Jansen again']);
});

test('paste into a textarea (Copilot) uses the native setter and keeps surrounding text', async () => {
  const { win, controller, composer, seen } = await setup('copilot');
  composer.value = 'Before  after';
  composer.setSelectionRange(7, 7);
  composer.dispatchEvent(pasteEvent(win, 'Jan Jansen'));
  await controller.whenIdle();
  assert.equal(composer.value, 'Before [NAME_1] after');
  assert.deepEqual(seen, []);
});

test('paste elsewhere on the page is left alone', async () => {
  const { win, doc, composer } = await setup('chatgpt');
  const other = doc.getElementById('a1');
  const got = [];
  other.addEventListener('paste', () => got.push('paste'));
  const ev = pasteEvent(win, 'Jan Jansen');
  other.dispatchEvent(ev);
  assert.equal(ev.defaultPrevented, false);
  assert.deepEqual(got, ['paste']);
  assert.equal(editor.normalize(editor.getText(composer)), '');
});

test('paste with only HTML on the clipboard is masked as text', async () => {
  const { win, controller, composer } = await setup('chatgpt');
  composer.dispatchEvent(pasteEvent(win, '', { html: '<b>Jan Jansen</b> wrote' }));
  await controller.whenIdle();
  assert.ok(editor.sameText(editor.getText(composer), '[NAME_1] wrote'));
});

for (const code of ['host_not_installed', 'host_forbidden', 'host_crashed', 'timeout']) {
  test(`host failure (${code}): nothing is inserted, the notice says how to fix it`, async () => {
    const { win, doc, controller, composer, seen, execLog } = await setup('chatgpt', { worker: fakeWorker({ failWith: code }) });
    composer.dispatchEvent(pasteEvent(win, 'Jan Jansen'));
    await controller.whenIdle();
    assert.equal(editor.normalize(editor.getText(composer)), '');
    assert.equal(execLog.length, 0);
    assert.deepEqual(seen, []);
    assert.doesNotMatch(pageHtml(doc), VALUES);
    assert.equal(controller.notice.state.kind, 'error');
    assert.equal(controller.notice.state.text, t(`err_${code}`));
    if (code === 'host_not_installed') assert.match(controller.notice.state.text, /install\.sh/);
  });
}

test('fail-open (explicit setting) inserts the raw text and says so', async () => {
  const { win, controller, composer } = await setup('copilot', { worker: fakeWorker({ failWith: 'host_crashed', config: { failMode: 'open' } }) });
  composer.dispatchEvent(pasteEvent(win, 'Jan Jansen'));
  await controller.whenIdle();
  assert.equal(composer.value, 'Jan Jansen');
  assert.equal(controller.notice.state.text, t('err_sent_unmasked'));
});

test('an editor that shows something else fails verification', async () => {
  const { win, controller, composer } = await setup('chatgpt', { execOptions: { mangle: () => 'something else' } });
  composer.dispatchEvent(pasteEvent(win, 'Jan Jansen'));
  await controller.whenIdle();
  assert.equal(controller.notice.state.text, t('err_verify_failed'));
});

test('drop and beforeinput(insertFromPaste) are intercepted too', async () => {
  const { win, controller, composer, seen } = await setup('copilot');
  const drop = dropEvent(win, 'Jan Jansen');
  composer.dispatchEvent(drop);
  assert.equal(drop.defaultPrevented, true);
  await controller.whenIdle();
  assert.equal(composer.value, '[NAME_1]');
  const bi = new win.InputEvent('beforeinput', { inputType: 'insertFromPaste', data: ' jan@example.nl', bubbles: true, cancelable: true });
  composer.dispatchEvent(bi);
  assert.equal(bi.defaultPrevented, true);
  await controller.whenIdle();
  assert.equal(composer.value, '[NAME_1] [EMAIL_1]');
  assert.deepEqual(seen, []);
});

test('Enter: the whole composer is masked, verified, then sent once', async () => {
  const { win, controller, composer, seen, sends } = await setup('chatgpt');
  doneTyping(win, composer, 'Please call Jan Jansen');
  const ev = enterEvent(win);
  composer.dispatchEvent(ev);
  assert.equal(ev.defaultPrevented, true);
  await settle(win);
  assert.deepEqual(sends.map(editor.normalize), ['Please call [NAME_1]']);
  assert.ok(!seen.includes('keydown'), 'the page never saw the original Enter');
  assert.equal(controller.notice.state.kind, 'info');
});

function doneTyping(win, composer, text) {
  if (editor.isTextControl(composer)) {
    composer.value = text;
  } else {
    composer.firstElementChild.textContent = text;
  }
}

test('Enter during IME composition or with Shift is not intercepted', async () => {
  const { win, composer, sends } = await setup('chatgpt');
  doneTyping(win, composer, 'Jan Jansen');
  for (const init of [{ isComposing: true }, { shiftKey: true }, { keyCode: 229 }]) {
    const ev = enterEvent(win, init);
    composer.dispatchEvent(ev);
    assert.equal(ev.defaultPrevented, false, JSON.stringify(init));
  }
  await settle(win);
  assert.deepEqual(sends, []);
});

test('text that is already masked is sent without being replaced', async () => {
  const { win, composer, sends, execLog } = await setup('chatgpt');
  doneTyping(win, composer, 'Dear [NAME_1], thanks');
  composer.dispatchEvent(enterEvent(win));
  await settle(win);
  assert.deepEqual(sends.map(editor.normalize), ['Dear [NAME_1], thanks']);
  assert.equal(execLog.length, 0);
});

test('no send when the read-back does not match', async () => {
  const { win, controller, composer, sends } = await setup('chatgpt', { execOptions: { mangle: (v) => v.replace('[NAME_1]', '[NAME_') } });
  doneTyping(win, composer, 'Call Jan Jansen');
  composer.dispatchEvent(enterEvent(win));
  await settle(win);
  assert.deepEqual(sends, []);
  assert.equal(controller.notice.state.text, t('err_verify_failed'));
});

test('no send when the host is unavailable; the composer keeps the user\'s text', async () => {
  const { win, controller, composer, sends } = await setup('claude', { worker: fakeWorker({ failWith: 'host_not_installed' }) });
  doneTyping(win, composer, 'Call Jan Jansen');
  composer.dispatchEvent(enterEvent(win));
  await settle(win);
  assert.deepEqual(sends, []);
  assert.ok(editor.sameText(editor.getText(composer), 'Call Jan Jansen'));
  assert.match(controller.notice.state.text, /install\.sh/);
});

test('send-button click is held back, masked, then replayed once', async () => {
  const { win, doc, composer, sends } = await setup('gemini');
  doneTyping(win, composer, 'Mail jan@example.nl');
  const ev = new win.MouseEvent('click', { bubbles: true, cancelable: true });
  doc.getElementById('send').dispatchEvent(ev);
  assert.equal(ev.defaultPrevented, true);
  assert.deepEqual(sends, []);
  await settle(win);
  assert.deepEqual(sends.map(editor.normalize), ['Mail [EMAIL_1]']);
});

test('form submit (Mistral textarea): Enter masks, then the form is submitted once', async () => {
  const { win, doc, composer } = await setup('mistral');
  const submits = [];
  doc.getElementById('f').addEventListener('submit', (e) => {
    e.preventDefault();
    submits.push(composer.value);
  });
  composer.value = 'Bonjour Jan Jansen';
  composer.dispatchEvent(enterEvent(win));
  await settle(win);
  assert.deepEqual(submits, ['Bonjour [NAME_1]']);
});

test('an empty composer is not intercepted', async () => {
  const { win, composer } = await setup('copilot');
  const ev = enterEvent(win);
  composer.dispatchEvent(ev);
  assert.equal(ev.defaultPrevented, false);
});

test('Restore buttons: attached once, re-attached after re-render, skipped while streaming', async () => {
  const { win, doc, controller } = await setup('claude');
  await settle(win);
  const a1 = doc.getElementById('a1');
  assert.equal(doc.querySelectorAll('veil-restore').length, 1);
  assert.equal(a1.nextElementSibling.tagName, 'VEIL-RESTORE');
  controller.scanAnswers();
  controller.scanAnswers();
  assert.equal(doc.querySelectorAll('veil-restore').length, 1);
  // The page re-renders: our element is gone; the observer puts it back.
  doc.querySelector('veil-restore').remove();
  await settle(win);
  assert.equal(doc.querySelectorAll('veil-restore').length, 1);
  // A streaming answer gets no button until it is done.
  const wrap = doc.createElement('div');
  wrap.setAttribute('data-is-streaming', 'true');
  wrap.innerHTML = '<div class="font-claude-message" id="a2">Dear [NAME_1</div>';
  doc.body.append(wrap);
  await settle(win);
  assert.equal(doc.querySelectorAll('veil-restore').length, 1);
  doc.getElementById('a2').textContent = 'Dear [NAME_1], done';
  wrap.setAttribute('data-is-streaming', 'false');
  await settle(win);
  assert.equal(doc.querySelectorAll('veil-restore').length, 2);
  // Answers without placeholders get none.
  const plain = doc.createElement('div');
  plain.className = 'font-claude-message';
  plain.textContent = 'Nothing to restore here. COVID 19.';
  doc.body.append(plain);
  await settle(win);
  assert.equal(doc.querySelectorAll('veil-restore').length, 2);
});

test('Restore click: only an opaque token reaches the page, in the frame URL fragment', async () => {
  const { win, doc, controller, worker } = await setup('chatgpt');
  await settle(win);
  const a1 = doc.getElementById('a1');
  const ui = controller.restoreUiFor(a1);
  assert.ok(ui);
  ui.button.click();
  await settle(win);
  const prep = worker.messages.find((m) => m.type === 'veil:prepareRestore');
  assert.equal(editor.normalize(prep.text), 'Dear [NAME_1], your order [ORDER_1] ships today.');
  const frame = ui.frame();
  assert.ok(frame);
  assert.match(frame.getAttribute('src'), /^chrome-extension:\/\/f{32}\/restore\/restore\.html#tok1x+$/);
  assert.equal(frame.getAttribute('allow'), 'clipboard-write');
  // A second click closes the frame.
  ui.button.click();
  await settle(win);
  assert.equal(ui.frame(), null);
  // The latest answer with placeholders was reported for the side panel.
  assert.ok(worker.messages.some((m) => m.type === 'veil:latestAnswer'));
});

test('scope: a draft is linked to the conversation only after a send from it', async () => {
  const { win, controller, composer, worker } = await setup('chatgpt');
  const draft = controller.scopeState.key;
  assert.ok(scope.isDraftKey(draft));
  doneTyping(win, composer, 'Jan Jansen');
  composer.dispatchEvent(enterEvent(win));
  await settle(win);
  win.history.pushState({}, '', '/c/conv-1');
  await controller.syncScope();
  assert.deepEqual(worker.messages.filter((m) => m.type === 'veil:scope').at(-1), { type: 'veil:scope', scope: 'chatgpt.com/c/conv-1', previous: draft });
  // Back to a new chat: a fresh draft; then opening another conversation without sending: no link.
  win.history.pushState({}, '', '/');
  await controller.syncScope();
  const draft2 = controller.scopeState.key;
  assert.ok(scope.isDraftKey(draft2) && draft2 !== draft);
  win.history.pushState({}, '', '/c/older');
  await controller.syncScope();
  assert.deepEqual(worker.messages.filter((m) => m.type === 'veil:scope').at(-1), { type: 'veil:scope', scope: 'chatgpt.com/c/older' });
});

test('a disabled site is left completely alone', async () => {
  const { win, composer, seen } = await setup('copilot', { worker: fakeWorker({ config: { enabled: false } }) });
  const ev = pasteEvent(win, 'Jan Jansen');
  composer.dispatchEvent(ev);
  assert.equal(ev.defaultPrevented, false);
  assert.ok(seen.includes('paste'));
});
