// The service worker's message handlers, one per message type, behind the sender policy
// (lib/senders.js). Everything outside (native client, storage, chrome.* calls) is injected,
// so Node tests run the real handlers. See extension/README.md for the message table.
(function (root, factory) {
  'use strict';
  const deps = typeof require === 'function'
    ? {
      errors: require('../lib/errors.js'),
      senders: require('../lib/senders.js'),
      scope: require('../lib/scope.js'),
      config: require('../lib/config.js'),
      allowlist: require('../lib/allowlist.js'),
    }
    : { errors: root.Veil.errors, senders: root.Veil.senders, scope: root.Veil.scope, config: root.Veil.config, allowlist: root.Veil.allowlist };
  const api = factory(deps);
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.Veil = root.Veil || {}).router = api;
})(globalThis, function (deps) {
  'use strict';

  const { errors, senders, scope, config, allowlist } = deps;

  const { VeilError } = errors;
  const MAX_TEXT_CHARS = 4 * 1024 * 1024;  // the host takes 8 MiB of UTF-8 at most
  const MAX_LATEST_CHARS = 1024 * 1024;

  function kv(storage, key, fallback) {
    return {
      async get() {
        const v = await storage.get(key);
        return v && typeof v === 'object' ? v : fallback();
      },
      set: (v) => storage.set(key, v),
    };
  }

  function requireString(v, max = MAX_TEXT_CHARS) {
    if (typeof v !== 'string' || v.length > max) throw new VeilError('bad_request');
    return v;
  }

  // How long after the worker starts a message may wait for the enterprise policy. The first
  // chrome.storage.managed read takes ~2.7 s on Chromium 156, and in some browser sessions it
  // never settles at all (seen in the e2e runs on a loaded machine: the read and every later
  // one stayed pending for over 80 s). Every message needs the configuration, so without a
  // bound the first paste was blocked for good: nothing inserted, no notice.
  const POLICY_WAIT_MS = 3000;

  // deps: { client, tokens, aliases, session (async get/set), sync (async get/set),
  //   getManaged(), extensionId, extensionOrigin, openSidePanel({tabId, windowId}),
  //   applyCustomSites(origins), policyWaitMs?, now?, timers? }
  function createRouter(deps) {
    const tabsKv = kv(deps.session, 'veil.tabs', () => ({}));
    const allowKv = kv(deps.session, 'veil.allow', () => ({}));
    const now = deps.now || (() => Date.now());
    const timers = deps.timers || { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (id) => clearTimeout(id) };
    const policyDeadline = now() + (deps.policyWaitMs === undefined ? POLICY_WAIT_MS : deps.policyWaitMs);

    // The managed policy, or config.POLICY_UNKNOWN (strict: all sites masked, fail closed,
    // settings locked) once the deadline has passed without an answer. A read that settles
    // later is used from then on (sw.js keeps the pending read).
    async function managedPolicy() {
      const read = Promise.resolve().then(() => deps.getManaged()).then((m) => m || {}, () => ({}));
      let timer;
      const late = new Promise((resolve) => {
        timer = timers.setTimeout(() => resolve(config.POLICY_UNKNOWN), Math.max(0, policyDeadline - now()));
      });
      try {
        return await Promise.race([read, late]);
      } finally {
        timers.clearTimeout(timer);
      }
    }

    async function currentConfig() {
      const sync = (await deps.sync.get('veil.config')) || {};
      return config.effectiveConfig(sync, await managedPolicy());
    }

    // Tab state (scope, site, latest answer) is for the side panel and the popup, never for
    // the page: the paste and scope replies do not wait for it (a storage.session read and
    // write sat on the paste's critical path, issue 8). Writes are chained so that
    // read-modify-write cycles never interleave; readers wait for the chain.
    let tabWrites = Promise.resolve();
    function persistTab(tabId, patch) {
      if (tabId === undefined) return tabWrites;
      tabWrites = tabWrites.then(async () => {
        const all = await tabsKv.get();
        all[tabId] = { ...(all[tabId] || {}), ...patch };
        await tabsKv.set(all);
      }).catch(() => {});  // a failed write only leaves the side panel's view stale
      return tabWrites;
    }

    async function updateTab(tabId, patch) {
      await persistTab(tabId, patch);
    }

    // A closed tab's state goes, after any write still queued for it.
    function forgetTab(tabId) {
      tabWrites = tabWrites.then(async () => {
        const all = await tabsKv.get();
        if (!all[tabId]) return;
        delete all[tabId];
        await tabsKv.set(all);
      }).catch(() => {});
      return tabWrites;
    }

    async function tabState(tabId) {
      await tabWrites;
      const all = await tabsKv.get();
      return all[tabId] || null;
    }

    // A content script may only name scopes of its own site.
    function checkScope(key, who) {
      requireString(key, 256);
      if (scope.hostOfScopeKey(key) !== who.host) throw new VeilError('forbidden_sender');
      return key;
    }

    async function requireEnabled(who) {
      const site = config.siteFor(await currentConfig(), who.origin);
      if (!site || !site.enabled) throw new VeilError('disabled');
    }

    async function allowedValues(canonicalScope) {
      const all = await allowKv.get();
      return Array.isArray(all[canonicalScope]) ? all[canonicalScope] : [];
    }

    async function restore(text, scopeKey) {
      const r = await deps.client.request('restore', { text, scope: scopeKey });
      return { text: r.text, placeholders: Array.isArray(r.placeholders) ? r.placeholders : [] };
    }

    async function refuseWhenLocked() {
      const cfg = await currentConfig();
      if (cfg.locked) throw new VeilError('forbidden_sender', { detail: cfg.policyPending ? 'policy not loaded yet' : 'locked by policy' });
    }

    const handlers = {
      async 'veil:contentConfig'(msg, who) {
        const cfg = await currentConfig();
        const site = config.siteFor(cfg, who.origin);
        return { adapter: site.adapter, enabled: site.enabled, failMode: cfg.failMode, showNotice: cfg.showNotice };
      },

      async 'veil:scope'(msg, who) {
        const key = checkScope(msg.scope, who);
        let canonical;
        if (msg.previous !== undefined && msg.previous !== null) {
          canonical = await deps.aliases.link(checkScope(msg.previous, who), key);
        } else {
          canonical = await deps.aliases.resolve(key);
        }
        persistTab(who.tabId, { scope: canonical, site: who.host });  // reply first, persist after
        return { scope: canonical };
      },

      async 'veil:anonymize'(msg, who) {
        await requireEnabled(who);
        const text = requireString(msg.text);
        const key = checkScope(msg.scope, who);
        const canonical = await deps.aliases.resolve(key);
        const fields = { text, scope: canonical, site: who.host };
        if (typeof msg.lang === 'string' && msg.lang.length <= 16) fields.lang = msg.lang;
        const result = await deps.client.request('anonymize', fields);
        const filtered = allowlist.applyAllowList(text, result, await allowedValues(canonical));
        persistTab(who.tabId, { scope: canonical, site: who.host });  // reply first, persist after
        return { text: filtered.text, entities: filtered.entities || [], counts: filtered.counts || {} };
      },

      async 'veil:prepareRestore'(msg, who) {
        const text = requireString(msg.text);
        const canonical = await deps.aliases.resolve(checkScope(msg.scope, who));
        const token = await deps.tokens.create({ text, scope: canonical, tabId: who.tabId });
        await updateTab(who.tabId, { scope: canonical, latest: text.slice(0, MAX_LATEST_CHARS) });
        return { token };
      },

      async 'veil:latestAnswer'(msg, who) {
        const text = requireString(msg.text);
        const canonical = await deps.aliases.resolve(checkScope(msg.scope, who));
        await updateTab(who.tabId, { scope: canonical, latest: text.slice(0, MAX_LATEST_CHARS) });
        return {};
      },

      async 'veil:openSidePanel'(msg, who) {
        await deps.openSidePanel({ tabId: who.tabId, windowId: msg.windowId });
        return {};
      },

      async 'veil:redeemRestore'(msg, who) {
        const entry = await deps.tokens.redeem(msg.token, { tabId: who.tabId });
        if (!entry) throw new VeilError('token_unknown');
        return restore(entry.text, entry.scope);
      },

      async 'veil:tabState'(msg) {
        const st = await tabState(msg.tabId);
        if (!st) return { scope: null };
        return { scope: st.scope || null, site: st.site || null, hasLatest: typeof st.latest === 'string' };
      },

      async 'veil:restoreLatest'(msg) {
        const st = await tabState(msg.tabId);
        if (!st || typeof st.latest !== 'string') return { text: null, placeholders: [] };
        return restore(st.latest, st.scope);
      },

      async 'veil:entries'(msg) {
        const key = await deps.aliases.resolve(requireString(msg.scope, 256));
        const r = await deps.client.request('entries', { scope: key });
        return { scope: key, entries: Array.isArray(r.entries) ? r.entries : [], allowed: await allowedValues(key) };
      },

      async 'veil:allow'(msg) {
        const key = await deps.aliases.resolve(requireString(msg.scope, 256));
        const all = await allowKv.get();
        const list = Array.isArray(all[key]) ? all[key] : [];
        if (msg.action === 'add') {
          const v = requireString(msg.value, 1000);
          if (!list.some((x) => allowlist.canonical(x) === allowlist.canonical(v))) list.push(v);
        } else if (msg.action === 'remove') {
          const v = allowlist.canonical(requireString(msg.value, 1000));
          for (let i = list.length - 1; i >= 0; i--) if (allowlist.canonical(list[i]) === v) list.splice(i, 1);
        } else if (msg.action !== 'list') {
          throw new VeilError('bad_request');
        }
        all[key] = list;
        await allowKv.set(all);
        return { allowed: list };
      },

      async 'veil:forget'(msg) {
        if (msg.all === true) {
          const r = await deps.client.request('forget', { all: true });
          await deps.aliases.clear();
          await allowKv.set({});
          return r;
        }
        const key = await deps.aliases.resolve(requireString(msg.scope, 256));
        const r = await deps.client.request('forget', { scope: key });
        await deps.aliases.forget(key);
        await deps.tokens.forgetScope(key);
        const all = await allowKv.get();
        delete all[key];
        await allowKv.set(all);
        return r;
      },

      async 'veil:status'() {
        try {
          const hello = await deps.client.request('hello', {}, { timeoutMs: 10000 });
          return { connected: true, hello };
        } catch (e) {
          return { connected: false, error: errors.toWire(e) };
        }
      },

      async 'veil:stats'() {
        return deps.client.request('stats', {});
      },

      async 'veil:scopes'() {
        return deps.client.request('scopes', {});
      },

      async 'veil:settings'(msg) {
        if (msg.action === 'get') return deps.client.request('settings', { action: 'get' });
        if (msg.action === 'put' && msg.settings && typeof msg.settings === 'object') {
          await refuseWhenLocked();
          return deps.client.request('settings', { action: 'put', settings: msg.settings });
        }
        throw new VeilError('bad_request');
      },

      async 'veil:presets'(msg) {
        const action = msg.action;
        if (action === 'list') return deps.client.request('presets', { action });
        if (action === 'get') return deps.client.request('presets', { action, name: requireString(msg.name, 100) });
        if (action === 'put' || action === 'delete') {
          await refuseWhenLocked();
          const fields = { action, name: requireString(msg.name, 100) };
          if (action === 'put') fields.preset = msg.preset;
          return deps.client.request('presets', fields);
        }
        throw new VeilError('bad_request');
      },

      async 'veil:config'(msg) {
        if (msg.action === 'put') {
          await refuseWhenLocked();
          const current = (await deps.sync.get('veil.config')) || {};
          const next = { ...current, ...(msg.config || {}) };
          const cleaned = config.effectiveConfig(next, {});
          const stored = { sites: cleaned.sites, customSites: cleaned.customSites, failMode: cleaned.failMode, showNotice: cleaned.showNotice };
          await deps.sync.set('veil.config', stored);
          await deps.applyCustomSites(config.effectiveConfig(stored, await managedPolicy()).customSites);
        }
        const managed = await managedPolicy();
        return { config: await currentConfig(), managed: managed === config.POLICY_UNKNOWN || Object.keys(managed).length > 0 };
      },
    };

    async function handle(msg, sender) {
      if (!msg || typeof msg !== 'object' || typeof msg.type !== 'string' || !handlers[msg.type]) {
        return { ok: false, error: errors.toWire(new VeilError('bad_request')) };
      }
      const cfg = await currentConfig();
      const who = senders.classify(sender, {
        extensionId: deps.extensionId,
        extensionOrigin: deps.extensionOrigin,
        isContentOrigin: (origin) => config.siteFor(cfg, origin) !== null,
      });
      if (!senders.isAllowed(msg.type, who.kind)) {
        return { ok: false, error: errors.toWire(new VeilError('forbidden_sender')) };
      }
      try {
        return { ok: true, result: await handlers[msg.type](msg, who) };
      } catch (e) {
        return { ok: false, error: errors.toWire(e) };
      }
    }

    // Settles when every tab-state write queued so far is done (tests, worker shutdown).
    const tabsSettled = () => tabWrites;

    return { handle, currentConfig, tabsSettled, forgetTab };
  }

  return { createRouter };
});
