// Who may send which runtime message. Content scripts (top frame of a supported or enabled
// site) may only ask to anonymize and to prepare restore tokens; restored text and vault
// entries go only to the extension's own pages. The browser fills `sender`; pages cannot forge it.
(function (root, factory) {
  'use strict';
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.Veil = root.Veil || {}).senders = api;
})(globalThis, function () {
  'use strict';

  const CONTENT = 'content';
  const PAGE = 'extension_page';

  // Message type -> sender kinds allowed to send it.
  const POLICY = {
    'veil:contentConfig': [CONTENT],
    'veil:anonymize': [CONTENT],
    'veil:prepareRestore': [CONTENT],
    'veil:scope': [CONTENT],
    'veil:latestAnswer': [CONTENT],
    'veil:openSidePanel': [CONTENT, PAGE],
    'veil:redeemRestore': [PAGE],
    'veil:tabState': [PAGE],
    'veil:restoreLatest': [PAGE],
    'veil:entries': [PAGE],
    'veil:allow': [PAGE],
    'veil:forget': [PAGE],
    'veil:status': [PAGE],
    'veil:stats': [PAGE],
    'veil:scopes': [PAGE],
    'veil:settings': [PAGE],
    'veil:presets': [PAGE],
    'veil:config': [PAGE],
    'veil:setSite': [PAGE],
    'veil:customSites': [PAGE],
  };

  // Pages that web pages may embed are served under a per-session dynamic origin
  // (use_dynamic_url); only these paths are accepted from a foreign chrome-extension origin.
  const DYNAMIC_PAGES = ['/restore/restore.html'];

  function parseUrl(url) {
    try { return new URL(url); } catch { return null; }
  }

  // ctx: { extensionId, extensionOrigin ("chrome-extension://<id>"), isContentOrigin(origin) }
  function classify(sender, ctx) {
    if (!sender || sender.id !== ctx.extensionId) return { kind: null };
    const u = parseUrl(sender.url || '');
    const origin = sender.origin || (u ? u.origin : '');
    if (u && u.protocol === 'chrome-extension:') {
      if (origin === ctx.extensionOrigin) return { kind: PAGE, path: u.pathname, tabId: sender.tab ? sender.tab.id : undefined };
      if (DYNAMIC_PAGES.includes(u.pathname)) return { kind: PAGE, path: u.pathname, tabId: sender.tab ? sender.tab.id : undefined };
      return { kind: null };
    }
    if (!sender.tab || sender.frameId !== 0) return { kind: null };
    if (!u || u.protocol !== 'https:' || origin !== u.origin || !ctx.isContentOrigin(origin)) return { kind: null };
    return { kind: CONTENT, origin, host: u.hostname, tabId: sender.tab.id, url: u.href };
  }

  function isAllowed(type, kind) {
    const kinds = POLICY[type];
    return !!kinds && kind !== null && kinds.includes(kind);
  }

  return { classify, isAllowed, POLICY, CONTENT, PAGE };
});
