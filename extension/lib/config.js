// UI-side configuration: which sites are on, custom sites for the generic adapter, fail mode,
// and the notice. Lives in chrome.storage.sync; an administrator's chrome.storage.managed
// policy (managed_schema.json) overrides it and can lock it. Host-owned settings (retention,
// presets) are not here.
(function (root, factory) {
  'use strict';
  const deps = typeof require === 'function' ? { adapters: require('./adapters.js') } : { adapters: root.Veil.adapters };
  const api = factory(deps);
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.Veil = root.Veil || {}).config = api;
})(globalThis, function (deps) {
  'use strict';

  const { adapters } = deps;

  const FAIL_MODES = ['closed', 'open'];

  function defaults() {
    const sites = {};
    for (const a of adapters.ADAPTERS) sites[a.id] = true;
    return { sites, customSites: [], failMode: 'closed', showNotice: true, locked: false };
  }

  // "https://example.com/anything" -> "https://example.com"; null unless https.
  function normalizeOrigin(input) {
    try {
      const u = new URL(String(input).includes('://') ? input : `https://${input}`);
      if (u.protocol !== 'https:' || !u.hostname) return null;
      return u.origin;
    } catch {
      return null;
    }
  }

  function cleanOrigins(list) {
    if (!Array.isArray(list)) return [];
    const out = [];
    for (const item of list) {
      const o = normalizeOrigin(item);
      if (o && !out.includes(o)) out.push(o);
    }
    return out;
  }

  // Stands in for the enterprise policy while chrome.storage.managed has not answered (its
  // read can stay pending for the whole browser session, see router.js). Nothing is known, so
  // be strict: every built-in site masked, fail closed, settings locked; the user's custom
  // sites still apply.
  const POLICY_UNKNOWN = Object.freeze({});

  function effectiveConfig(sync = {}, managed = {}) {
    const cfg = defaults();
    if (managed === POLICY_UNKNOWN) {
      cfg.customSites = cleanOrigins((sync || {}).customSites);
      if (typeof (sync || {}).showNotice === 'boolean') cfg.showNotice = sync.showNotice;
      cfg.locked = true;
      cfg.policyPending = true;
      return cfg;
    }
    const s = sync || {};
    const m = managed || {};
    if (s.sites && typeof s.sites === 'object') {
      for (const id of Object.keys(cfg.sites)) if (typeof s.sites[id] === 'boolean') cfg.sites[id] = s.sites[id];
    }
    cfg.customSites = cleanOrigins(s.customSites);
    if (FAIL_MODES.includes(s.failMode)) cfg.failMode = s.failMode;
    if (typeof s.showNotice === 'boolean') cfg.showNotice = s.showNotice;

    if (m.EnabledSites && typeof m.EnabledSites === 'object') {
      for (const id of Object.keys(cfg.sites)) if (typeof m.EnabledSites[id] === 'boolean') cfg.sites[id] = m.EnabledSites[id];
    }
    if (Array.isArray(m.CustomSites)) cfg.customSites = cleanOrigins(m.CustomSites);
    if (FAIL_MODES.includes(m.FailMode)) cfg.failMode = m.FailMode;
    cfg.locked = m.LockSettings === true;
    return cfg;
  }

  // Is Veil active on this page origin, and with which adapter?
  function siteFor(cfg, origin) {
    let u;
    try { u = new URL(origin); } catch { return null; }
    if (u.protocol !== 'https:') return null;
    const a = adapters.adapterForHost(u.hostname);
    if (a) return { adapter: a.id, enabled: cfg.sites[a.id] !== false, builtin: true };
    if (cfg.customSites.includes(u.origin)) return { adapter: adapters.GENERIC.id, enabled: true, builtin: false };
    return null;
  }

  return { defaults, effectiveConfig, siteFor, normalizeOrigin, cleanOrigins, FAIL_MODES, POLICY_UNKNOWN };
});
