// Shared helpers for the extension's Node tests: jsdom windows that mirror the sites'
// markup, a stand-in for execCommand('insertText') (jsdom has none) that can apply the edit
// one macrotask later like ProseMirror, fake native ports and storage.
'use strict';

const path = require('node:path');

const EXT = path.join(__dirname, '..', '..', 'extension');

function makeWindow(html, url) {
  // jsdom is slow to load: only the DOM tests pay for it.
  const { JSDOM } = require('jsdom');
  const dom = new JSDOM(`<!doctype html><html><body>${html}</body></html>`, { url, pretendToBeVisual: true });
  return dom.window;
}

// Inserts `value` at the selection, like Chrome's insertText. `delay`: apply one macrotask
// later (ProseMirror's state update). `mangle`: lets a test make the editor misbehave.
function installExecCommand(win, { delay = false, accept = true, mangle = (v) => v, log = [] } = {}) {
  win.document.execCommand = (command, _ui, value) => {
    log.push({ command, value });
    if (!accept) return false;
    const sel = win.document.getSelection();
    if (!sel || sel.rangeCount === 0) return false;
    const range = sel.getRangeAt(0).cloneRange();
    const apply = () => {
      range.deleteContents();
      if (command === 'insertText') {
        const node = win.document.createTextNode(mangle(value));
        range.insertNode(node);
        range.setStartAfter(node);
        range.collapse(true);
        sel.removeAllRanges();
        sel.addRange(range);
      }
      const target = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement;
      target.dispatchEvent(new win.Event('input', { bubbles: true }));
    };
    if (delay) win.setTimeout(apply, 0);
    else apply();
    return true;
  };
  return log;
}

function pasteEvent(win, text, { html = '' } = {}) {
  const ev = new win.Event('paste', { bubbles: true, cancelable: true });
  ev.clipboardData = { getData: (type) => (type === 'text/plain' ? text : type === 'text/html' ? html : '') };
  return ev;
}

// jsdom has no DataTransfer or ClipboardEvent: minimal stand-ins with Chromium's behaviour
// (a synthetic paste carries the DataTransfer it was built with and has no default action).
function installClipboardApi(win) {
  class DataTransfer {
    constructor() { this.items = new Map(); }
    setData(type, value) { this.items.set(type, String(value)); }
    getData(type) { return this.items.get(type) || ''; }
    get types() { return [...this.items.keys()]; }
  }
  class ClipboardEvent extends win.Event {
    constructor(type, init = {}) {
      super(type, init);
      Object.defineProperty(this, 'clipboardData', { value: init.clipboardData || null });
    }
  }
  win.DataTransfer = DataTransfer;
  win.ClipboardEvent = ClipboardEvent;
}

// A page editor's own paste handling (ProseMirror, Quill 2): reads clipboardData, calls
// preventDefault and applies the text in the same task. `mode`: 'insert' (appends the text),
// 'swallow' (prevents the default, inserts nothing), 'mangle' (inserts something else).
// `log` gets every text/plain the handler saw.
function installEditorPaste(win, composer, { mode = 'insert', log = [] } = {}) {
  composer.addEventListener('paste', (e) => {
    const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    log.push(text);
    e.preventDefault();
    if (mode === 'swallow') return;
    const target = composer.lastElementChild || composer;
    target.append(win.document.createTextNode(mode === 'mangle' ? 'something else' : text));
  });
  return log;
}

function dropEvent(win, text) {
  const ev = new win.Event('drop', { bubbles: true, cancelable: true });
  ev.dataTransfer = { getData: (type) => (type === 'text/plain' ? text : '') };
  ev.clientX = 1;
  ev.clientY = 1;
  return ev;
}

function enterEvent(win, init = {}) {
  return new win.KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true, cancelable: true, ...init });
}

// Records everything the page's own handlers see (the "nosy page" of the e2e tests).
function nosyPage(win, target) {
  const seen = [];
  for (const type of ['paste', 'drop', 'beforeinput', 'keydown', 'click', 'submit']) {
    target.addEventListener(type, (e) => seen.push(type), true);
    win.addEventListener(type, (e) => seen.push(`bubble:${type}`), false);
  }
  return seen;
}

function memoryStorage(initial = {}) {
  const data = { ...initial };
  return {
    data,
    async get(key) { return data[key] === undefined ? undefined : structuredClone(data[key]); },
    async set(key, value) { data[key] = structuredClone(value); },
  };
}

class FakeEvent {
  constructor() { this.listeners = []; }
  addListener(fn) { this.listeners.push(fn); }
  fire(...args) { for (const fn of [...this.listeners]) fn(...args); }
}

// A chrome.runtime.Port stand-in: `posted` collects what the extension sent; the test
// replies with port.reply(msg) or ends it with port.crash(lastErrorMessage).
class FakePort {
  constructor(env) {
    this.env = env;
    this.onMessage = new FakeEvent();
    this.onDisconnect = new FakeEvent();
    this.posted = [];
    this.closed = false;
  }
  postMessage(msg) {
    if (this.closed) throw new Error('Attempting to use a disconnected port object');
    this.posted.push(JSON.parse(JSON.stringify(msg)));
    if (this.env.autoReply) queueMicrotask(() => this.env.autoReply(this, msg));
  }
  reply(msg) { this.onMessage.fire(msg); }
  crash(lastError) {
    this.closed = true;
    this.env.lastError = lastError;
    this.onDisconnect.fire(this);
    this.env.lastError = undefined;
  }
  disconnect() { this.closed = true; }
}

function fakeNative(autoReply) {
  const env = { ports: [], lastError: undefined, autoReply };
  env.connect = (name) => {
    env.hostName = name;
    const p = new FakePort(env);
    env.ports.push(p);
    return p;
  };
  env.getLastError = () => env.lastError;
  return env;
}

module.exports = { EXT, makeWindow, installExecCommand, installClipboardApi, installEditorPaste, pasteEvent, dropEvent, enterEvent, nosyPage, memoryStorage, fakeNative, FakePort };
