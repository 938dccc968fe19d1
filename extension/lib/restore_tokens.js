// Opaque restore tokens. A content script hands over an answer's (masked) text and gets a
// random token; only that token travels through the page (in the restore frame's URL
// fragment). An extension page redeems it for the text and scope, and the service worker
// asks the host to restore. Kept in memory and mirrored to chrome.storage.session (which
// content scripts cannot read) so a restarted service worker still knows them.
(function (root, factory) {
  'use strict';
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.Veil = root.Veil || {}).restoreTokens = api;
})(globalThis, function () {
  'use strict';

  const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;
  const DEFAULT_TTL_MS = 30 * 60 * 1000;
  const DEFAULT_MAX_TOKENS = 200;

  function base64url(bytes) {
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  class TokenStore {
    // storage: async { get(key), set(key, value) }; crypto: { getRandomValues }.
    constructor({ storage, now = () => Date.now(), crypto = globalThis.crypto, ttlMs = DEFAULT_TTL_MS,
      maxTokens = DEFAULT_MAX_TOKENS, storageKey = 'veil.restoreTokens' } = {}) {
      this.storage = storage;
      this.now = now;
      this.crypto = crypto;
      this.ttlMs = ttlMs;
      this.maxTokens = maxTokens;
      this.storageKey = storageKey;
      this.tokens = null;
    }

    async load() {
      if (this.tokens) return this.tokens;
      const stored = this.storage ? await this.storage.get(this.storageKey) : null;
      this.tokens = new Map(stored && typeof stored === 'object' ? Object.entries(stored) : []);
      return this.tokens;
    }

    async save() {
      if (this.storage) await this.storage.set(this.storageKey, Object.fromEntries(this.tokens));
    }

    prune() {
      const t = this.now();
      for (const [k, v] of this.tokens) if (v.expires <= t) this.tokens.delete(k);
      while (this.tokens.size > this.maxTokens) this.tokens.delete(this.tokens.keys().next().value);
    }

    async create({ text, scope, tabId }) {
      await this.load();
      const bytes = new Uint8Array(32);
      this.crypto.getRandomValues(bytes);
      const token = base64url(bytes);
      this.tokens.set(token, { text, scope, tabId, expires: this.now() + this.ttlMs });
      this.prune();
      await this.save();
      return token;
    }

    // Returns {text, scope} or null. A frame inside a tab may only redeem that tab's tokens.
    async redeem(token, { tabId } = {}) {
      if (typeof token !== 'string' || !TOKEN_RE.test(token)) return null;
      await this.load();
      const entry = this.tokens.get(token);
      if (!entry) return null;
      if (entry.expires <= this.now()) {
        this.tokens.delete(token);
        await this.save();
        return null;
      }
      if (tabId !== undefined && entry.tabId !== undefined && tabId !== entry.tabId) return null;
      return { text: entry.text, scope: entry.scope };
    }

    async forgetScope(scope) {
      await this.load();
      for (const [k, v] of this.tokens) if (v.scope === scope) this.tokens.delete(k);
      await this.save();
    }
  }

  return { TokenStore, TOKEN_RE };
});
