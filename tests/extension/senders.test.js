// Sender checks: which runtime messages content scripts and extension pages may send.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const senders = require('../../extension/lib/senders.js');

const ID = 'kmhjhinpchnegnpgnpjekpkbhniikjkm';
const ctx = {
  extensionId: ID,
  extensionOrigin: `chrome-extension://${ID}`,
  isContentOrigin: (o) => ['https://chatgpt.com', 'https://claude.ai'].includes(o),
};

const contentSender = { id: ID, url: 'https://chatgpt.com/c/abc', origin: 'https://chatgpt.com', tab: { id: 7 }, frameId: 0 };
const sidePanel = { id: ID, url: `chrome-extension://${ID}/sidepanel/sidepanel.html`, origin: `chrome-extension://${ID}` };
const restoreFrame = { id: ID, url: 'chrome-extension://0123456789abcdef0123456789abcdef/restore/restore.html', origin: 'chrome-extension://0123456789abcdef0123456789abcdef', tab: { id: 7 }, frameId: 3 };

test('classifies content scripts on supported top frames', () => {
  assert.deepEqual(senders.classify(contentSender, ctx), { kind: 'content', origin: 'https://chatgpt.com', host: 'chatgpt.com', tabId: 7, url: 'https://chatgpt.com/c/abc' });
});

test('refuses content scripts in subframes, on other sites, over http, or without a tab', () => {
  assert.equal(senders.classify({ ...contentSender, frameId: 2 }, ctx).kind, null);
  assert.equal(senders.classify({ ...contentSender, url: 'https://evil.example/', origin: 'https://evil.example' }, ctx).kind, null);
  assert.equal(senders.classify({ ...contentSender, url: 'http://chatgpt.com/', origin: 'http://chatgpt.com' }, ctx).kind, null);
  assert.equal(senders.classify({ ...contentSender, tab: undefined }, ctx).kind, null);
  // sender.origin is the document's origin; a mismatching URL (e.g. about:blank frame) is refused.
  assert.equal(senders.classify({ ...contentSender, origin: 'https://claude.ai' }, ctx).kind, null);
});

test('refuses other extensions', () => {
  assert.equal(senders.classify({ ...sidePanel, id: 'a'.repeat(32) }, ctx).kind, null);
  assert.equal(senders.classify({ ...contentSender, id: 'b'.repeat(32) }, ctx).kind, null);
  assert.equal(senders.classify(undefined, ctx).kind, null);
});

test('classifies our extension pages, including the restore page under its dynamic origin', () => {
  assert.equal(senders.classify(sidePanel, ctx).kind, 'extension_page');
  const r = senders.classify(restoreFrame, ctx);
  assert.equal(r.kind, 'extension_page');
  assert.equal(r.tabId, 7);
  // Under a foreign chrome-extension origin only the web-accessible restore page counts.
  assert.equal(senders.classify({ ...restoreFrame, url: 'chrome-extension://0123456789abcdef0123456789abcdef/sidepanel/sidepanel.html' }, ctx).kind, null);
});

test('policy: content scripts anonymize and prepare tokens; only pages get restored text and entries', () => {
  for (const t of ['veil:anonymize', 'veil:prepareRestore', 'veil:scope', 'veil:latestAnswer', 'veil:contentConfig']) {
    assert.ok(senders.isAllowed(t, 'content'), t);
  }
  for (const t of ['veil:redeemRestore', 'veil:entries', 'veil:restoreLatest', 'veil:forget', 'veil:presets', 'veil:settings', 'veil:allow', 'veil:config']) {
    assert.equal(senders.isAllowed(t, 'content'), false, t);
    assert.ok(senders.isAllowed(t, 'extension_page'), t);
  }
  assert.equal(senders.isAllowed('veil:anonymize', null), false);
  assert.equal(senders.isAllowed('veil:unknown', 'extension_page'), false);
});
