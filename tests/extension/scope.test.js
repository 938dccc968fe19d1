// Conversation scope keys from page URLs, draft keys, and the draft -> conversation aliases.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const scope = require('../../extension/lib/scope.js');
const adapters = require('../../extension/lib/adapters.js');
const { memoryStorage } = require('./helpers.js');

function keyFor(url) {
  const host = new URL(url).hostname;
  return scope.scopeKeyFromUrl(url, adapters.adapterForHost(host).conversations);
}

test('conversation URLs give stable keys per site', () => {
  assert.equal(keyFor('https://chatgpt.com/c/6740a1b2-1234-8000-9abc-0123456789ab?model=x#y'), 'chatgpt.com/c/6740a1b2-1234-8000-9abc-0123456789ab');
  assert.equal(keyFor('https://chatgpt.com/g/g-abc-helper/c/xyz-1'), 'chatgpt.com/c/xyz-1');
  assert.equal(keyFor('https://chat.openai.com/c/abc'), 'chat.openai.com/c/abc');
  assert.equal(keyFor('https://claude.ai/chat/0f1e2d3c-aaaa'), 'claude.ai/chat/0f1e2d3c-aaaa');
  assert.equal(keyFor('https://gemini.google.com/app/5d3e2f1a0b'), 'gemini.google.com/app/5d3e2f1a0b');
  assert.equal(keyFor('https://gemini.google.com/u/1/app/5d3e2f1a0b'), 'gemini.google.com/app/5d3e2f1a0b');
  assert.equal(keyFor('https://copilot.microsoft.com/chats/AbC123'), 'copilot.microsoft.com/chats/AbC123');
  assert.equal(keyFor('https://chat.mistral.ai/chat/1234-abcd'), 'chat.mistral.ai/chat/1234-abcd');
});

test('new-chat URLs have no conversation key', () => {
  for (const url of ['https://chatgpt.com/', 'https://claude.ai/new', 'https://gemini.google.com/app', 'https://copilot.microsoft.com/', 'https://chat.mistral.ai/chat']) {
    assert.equal(keyFor(url), null, url);
  }
  assert.equal(scope.scopeKeyFromUrl('not a url', []), null);
});

test('draft keys are random per call, carry their host, and are recognised', () => {
  const a = scope.newDraftKey('chatgpt.com');
  const b = scope.newDraftKey('chatgpt.com');
  assert.notEqual(a, b);
  assert.ok(scope.isDraftKey(a));
  assert.equal(scope.hostOfScopeKey(a), 'chatgpt.com');
  assert.equal(scope.hostOfScopeKey('claude.ai/chat/x'), 'claude.ai');
  assert.equal(scope.isDraftKey('claude.ai/chat/x'), false);
  assert.equal(scope.hostOfScopeKey('x'.repeat(300)), null);
});

test('a draft linked to a conversation keeps the draft as canonical scope', async () => {
  const storage = memoryStorage();
  const aliases = new scope.ScopeAliases(storage);
  const draft = scope.newDraftKey('chatgpt.com');
  assert.equal(await aliases.resolve(draft), draft);
  assert.equal(await aliases.link(draft, 'chatgpt.com/c/abc'), draft);
  assert.equal(await aliases.resolve('chatgpt.com/c/abc'), draft);
  // A fresh instance (restarted service worker) reads the persisted map.
  const again = new scope.ScopeAliases(storage);
  assert.equal(await again.resolve('chatgpt.com/c/abc'), draft);
});

test('an existing link is never overwritten by a later draft', async () => {
  const aliases = new scope.ScopeAliases(memoryStorage());
  const d1 = scope.newDraftKey('chatgpt.com');
  const d2 = scope.newDraftKey('chatgpt.com');
  await aliases.link(d1, 'chatgpt.com/c/abc');
  assert.equal(await aliases.link(d2, 'chatgpt.com/c/abc'), d1);
  assert.equal(await aliases.resolve('chatgpt.com/c/abc'), d1);
});

test('link refuses non-draft sources and forget drops aliases', async () => {
  const aliases = new scope.ScopeAliases(memoryStorage());
  assert.equal(await aliases.link('chatgpt.com/c/a', 'chatgpt.com/c/b'), 'chatgpt.com/c/b');
  assert.equal(await aliases.resolve('chatgpt.com/c/b'), 'chatgpt.com/c/b');
  const d = scope.newDraftKey('claude.ai');
  await aliases.link(d, 'claude.ai/chat/z');
  await aliases.forget(d);
  assert.equal(await aliases.resolve('claude.ai/chat/z'), 'claude.ai/chat/z');
});
