// Site adapters on markup mirroring each site: finding the composer from wherever the event
// lands, reading and writing its text the way the editor expects, finding answers.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const adapters = require('../../extension/lib/adapters.js');
const editor = require('../../extension/lib/editor.js');
const { makeWindow, installExecCommand } = require('./helpers.js');
const { SITES } = require('./fixtures.js');

function composerOf(win, id) {
  return win.document.querySelector(adapters.adapterById(id).composer);
}

test('every built-in site has an adapter found by host name', () => {
  for (const [id, site] of Object.entries(SITES)) {
    assert.equal(adapters.adapterForHost(new URL(site.url).hostname).id, id);
  }
  assert.equal(adapters.adapterForHost('chat.openai.com').id, 'chatgpt');
  assert.equal(adapters.adapterForHost('example.com'), null);
  assert.deepEqual(adapters.supportedOrigins().sort(), ['https://chat.mistral.ai', 'https://chat.openai.com', 'https://chatgpt.com', 'https://claude.ai', 'https://copilot.microsoft.com', 'https://gemini.google.com']);
});

test('the selectors are exactly the documented ones', () => {
  const a = (id) => adapters.adapterById(id);
  assert.equal(a('chatgpt').composer, '#prompt-textarea');
  assert.match(a('chatgpt').sendButton, /^button\[data-testid="send-button"\]/);
  assert.equal(a('chatgpt').answer, '[data-message-author-role="assistant"]');
  assert.equal(a('claude').composer, 'div.ProseMirror[contenteditable=true]');
  assert.equal(a('claude').answer, '.font-claude-message');
  assert.equal(a('claude').streaming, '[data-is-streaming="true"]');
  assert.equal(a('gemini').composer, 'rich-textarea .ql-editor');
  assert.equal(a('gemini').answer, 'model-response');
  assert.equal(a('copilot').composer, 'textarea#userInput');
});

for (const [id, site] of Object.entries(SITES)) {
  test(`${id}: composer, send button and answers are found`, () => {
    const win = makeWindow(site.html, site.url);
    const adapter = adapters.adapterById(id);
    const composer = composerOf(win, id);
    assert.ok(composer, 'composer');
    const inner = win.document.getElementById('inner');
    if (inner) {
      assert.equal(adapters.findComposer(adapter, inner), composer);
      assert.equal(adapters.findComposer(adapter, inner.firstChild || inner), composer);
    }
    assert.equal(adapters.findComposer(adapter, composer), composer);
    assert.equal(adapters.findComposer(adapter, win.document.getElementById('a1')), null);
    const send = win.document.getElementById('send');
    assert.equal(adapters.findSendButton(adapter, send), send);
    assert.equal(adapters.querySendButton(adapter, win.document, composer), send);
    assert.deepEqual(adapters.queryAnswers(adapter, win.document).map((e) => e.id), ['a1']);
  });

  test(`${id}: text is inserted at the caret and replaced as a whole, and read back`, () => {
    const win = makeWindow(site.html, site.url);
    installExecCommand(win);
    const composer = composerOf(win, id);
    assert.ok(editor.insertText(composer, 'Hello [NAME_1]'));
    assert.ok(editor.containsText(editor.getText(composer), 'Hello [NAME_1]'));
    assert.ok(editor.insertText(composer, ' and [EMAIL_1]'));
    assert.ok(editor.sameText(editor.getText(composer), 'Hello [NAME_1] and [EMAIL_1]'));
    assert.ok(editor.replaceAll(composer, 'Only [PHONE_1]\nsecond line'));
    assert.ok(editor.sameText(editor.getText(composer), 'Only [PHONE_1] second line'));
    assert.ok(editor.replaceAll(composer, ''));
    assert.equal(editor.normalize(editor.getText(composer)), '');
  });
}

test('textarea values go through the native setter, past a React-style own value property', () => {
  const win = makeWindow(SITES.copilot.html, SITES.copilot.url);
  const ta = win.document.getElementById('userInput');
  const proto = Object.getPrototypeOf(ta);
  const native = Object.getOwnPropertyDescriptor(proto, 'value');
  const trackerWrites = [];
  Object.defineProperty(ta, 'value', {
    configurable: true,
    get() { return native.get.call(this); },
    set(v) { trackerWrites.push(v); native.set.call(this, v); },
  });
  const inputs = [];
  ta.addEventListener('input', () => inputs.push(ta.value));
  ta.value = 'abc';
  ta.setSelectionRange(1, 2);
  assert.ok(editor.insertText(ta, 'X'));
  assert.equal(ta.value, 'aXc');
  assert.deepEqual(trackerWrites, ['abc']);
  assert.deepEqual(inputs, ['aXc']);
  assert.equal(ta.selectionStart, 2);
});

test('a contenteditable whose editor refuses insertText reports failure', () => {
  const win = makeWindow(SITES.chatgpt.html, SITES.chatgpt.url);
  installExecCommand(win, { accept: false });
  assert.equal(editor.insertText(composerOf(win, 'chatgpt'), 'x'), false);
  const bare = makeWindow(SITES.chatgpt.html, SITES.chatgpt.url);
  assert.equal(editor.insertText(composerOf(bare, 'chatgpt'), 'x'), false, 'no execCommand at all');
});

test('editor.waitFor waits for an edit that lands a macrotask later', async () => {
  const win = makeWindow(SITES.chatgpt.html, SITES.chatgpt.url);
  installExecCommand(win, { delay: true });
  const c = composerOf(win, 'chatgpt');
  editor.insertText(c, '[NAME_1]');
  assert.equal(editor.containsText(editor.getText(c), '[NAME_1]'), false);
  assert.equal(await editor.waitFor(c, (t) => t.includes('[NAME_1]')), true);
  assert.equal(await editor.waitFor(c, (t) => t.includes('never'), { tasks: 2 }), false);
});

test('streaming answers are recognised', () => {
  const claude = makeWindow(SITES.claude.html.replace('data-is-streaming="false"', 'data-is-streaming="true"'), SITES.claude.url);
  const a = adapters.adapterById('claude');
  assert.equal(adapters.isStreaming(a, claude.document.getElementById('a1'), claude.document), true);
  const done = makeWindow(SITES.claude.html, SITES.claude.url);
  assert.equal(adapters.isStreaming(a, done.document.getElementById('a1'), done.document), false);
  const gpt = makeWindow(`${SITES.chatgpt.html}<button data-testid="stop-button"></button>`, SITES.chatgpt.url);
  const g = adapters.adapterById('chatgpt');
  assert.equal(adapters.isStreaming(g, gpt.document.getElementById('a1'), gpt.document), true);
});

test('generic adapter: any textarea, or the outermost contenteditable', () => {
  const win = makeWindow('<div contenteditable="true" id="outer"><div contenteditable="true"><p id="deep">x</p></div></div><textarea id="t"></textarea><div id="plain"></div>', 'https://chat.example.com/');
  const g = adapters.GENERIC;
  assert.equal(adapters.findComposer(g, win.document.getElementById('deep')).id, 'outer');
  assert.equal(adapters.findComposer(g, win.document.getElementById('t')).id, 't');
  assert.equal(adapters.findComposer(g, win.document.getElementById('plain')), null);
  assert.equal(adapters.queryComposer(g, win.document), null);
  assert.deepEqual(adapters.queryAnswers(g, win.document), []);
});
