// Conversation scopes: the key under which the host keeps a conversation's placeholders.
// A page URL that names a conversation gives a stable key ("chatgpt.com/c/<id>"); a new chat
// gets a per-tab draft key that is later linked to the conversation key (ScopeAliases).
(function (root, factory) {
  'use strict';
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.Veil = root.Veil || {}).scope = api;
})(globalThis, function () {
  'use strict';

  const DRAFT_PREFIX = 'draft:';
  const MAX_KEY_LENGTH = 256;

  // conversationPatterns: [{ re: RegExp on pathname, key: (match, host) => string }].
  function scopeKeyFromUrl(url, conversationPatterns) {
    let u;
    try { u = new URL(url); } catch { return null; }
    for (const p of conversationPatterns || []) {
      const m = p.re.exec(u.pathname);
      if (m) {
        const key = p.key ? p.key(m, u.hostname) : `${u.hostname}${m[0]}`;
        if (key && key.length <= MAX_KEY_LENGTH) return key;
      }
    }
    return null;
  }

  function randomId(cryptoObj) {
    const c = cryptoObj || globalThis.crypto;
    if (c && typeof c.randomUUID === 'function') return c.randomUUID();
    const bytes = new Uint8Array(16);
    c.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function newDraftKey(host, cryptoObj) {
    return `${DRAFT_PREFIX}${host}:${randomId(cryptoObj)}`;
  }

  function isDraftKey(key) {
    return typeof key === 'string' && key.startsWith(DRAFT_PREFIX);
  }

  // The site host a scope key belongs to, so the service worker can refuse a content script
  // that names another site's conversation.
  function hostOfScopeKey(key) {
    if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) return null;
    if (isDraftKey(key)) {
      const rest = key.slice(DRAFT_PREFIX.length);
      const i = rest.lastIndexOf(':');
      return i > 0 ? rest.slice(0, i) : null;
    }
    const slash = key.indexOf('/');
    return slash > 0 ? key.slice(0, slash) : key;
  }

  // Draft -> conversation links. The canonical (host-side) scope of a linked pair is the one
  // used first (the draft), so placeholders created before the page assigned a conversation id
  // stay valid. Persisted through an injected async storage: { get(key), set(key, value) }.
  class ScopeAliases {
    constructor(storage, storageKey = 'veil.scopeAliases') {
      this.storage = storage;
      this.storageKey = storageKey;
      this.map = null;
    }

    async load() {
      if (this.map) return this.map;
      const stored = await this.storage.get(this.storageKey);
      this.map = stored && typeof stored === 'object' ? { ...stored } : {};
      return this.map;
    }

    async resolve(key) {
      const map = await this.load();
      let k = key;
      // Follow at most a few links; cycles cannot be created by link() but stored data may be old.
      for (let i = 0; i < 4 && Object.prototype.hasOwnProperty.call(map, k); i++) k = map[k];
      return k;
    }

    // The page moved from a draft to a conversation key. Returns the canonical scope.
    async link(draftKey, conversationKey) {
      if (!isDraftKey(draftKey) || isDraftKey(conversationKey) || !conversationKey) {
        return this.resolve(conversationKey || draftKey);
      }
      const map = await this.load();
      if (Object.prototype.hasOwnProperty.call(map, conversationKey)) return this.resolve(conversationKey);
      const canonical = await this.resolve(draftKey);
      if (canonical === conversationKey) return canonical;
      map[conversationKey] = canonical;
      await this.storage.set(this.storageKey, map);
      return canonical;
    }

    // Drops every alias pointing at (or named) the canonical scope, after the host forgot it.
    async forget(canonical) {
      const map = await this.load();
      for (const [k, v] of Object.entries(map)) if (k === canonical || v === canonical) delete map[k];
      await this.storage.set(this.storageKey, map);
    }

    async clear() {
      this.map = {};
      await this.storage.set(this.storageKey, {});
    }
  }

  return { scopeKeyFromUrl, newDraftKey, isDraftKey, hostOfScopeKey, ScopeAliases, DRAFT_PREFIX };
});
