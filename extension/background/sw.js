// Veil's service worker: wires chrome.* to the router (router.js). It owns the single native
// port (lib/native_client.js), the restore tokens, the scope aliases, and the registration of
// the generic content script on sites the user added. Classic script (importScripts), so the
// same lib files serve content scripts, this worker and Node tests.
importScripts(
  '../lib/errors.js',
  '../lib/chunks.js',
  '../lib/native_client.js',
  '../lib/senders.js',
  '../lib/scope.js',
  '../lib/adapters.js',
  '../lib/config.js',
  '../lib/allowlist.js',
  '../lib/restore_tokens.js',
  './router.js',
);

(function () {
  'use strict';

  const V = self.Veil;
  const GENERIC_SCRIPT_ID = 'veil-generic';
  const CONTENT_FILES = [
    'lib/placeholders.js',
    'lib/scope.js',
    'lib/adapters.js',
    'lib/editor.js',
    'lib/notice.js',
    'content/controller.js',
    'content/main.js',
  ];

  function area(storageArea) {
    return {
      async get(key) {
        const r = await storageArea.get(key);
        return r[key];
      },
      set: (key, value) => storageArea.set({ [key]: value }),
    };
  }

  const session = area(chrome.storage.session);
  // Scope aliases must outlive a browser restart as long as the host keeps the placeholders,
  // so they are in storage.local; they hold URL ids and random draft ids, never user text.
  const local = area(chrome.storage.local);
  const sync = area(chrome.storage.sync);

  chrome.storage.session.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => {});

  const client = new V.nativeClient.NativeClient({
    connect: (name) => chrome.runtime.connectNative(name),
    getLastError: () => (chrome.runtime.lastError ? chrome.runtime.lastError.message : undefined),
  });

  // The first storage.managed read of a browser session takes seconds on Linux (measured
  // 2.7 s on Chromium 156, policy loading), so it starts at once and is cached until the
  // policy changes, instead of delaying the first paste. It may also never settle: the router
  // waits for it only until a deadline (router.js, POLICY_WAIT_MS) and is strict meanwhile.
  let managedCache = null;
  function getManaged() {
    if (!managedCache) managedCache = chrome.storage.managed.get(null).catch(() => ({}));
    return managedCache;
  }
  getManaged();

  async function applyCustomSites(origins) {
    const granted = [];
    for (const o of origins) {
      if (await chrome.permissions.contains({ origins: [`${o}/*`] })) granted.push(`${o}/*`);
    }
    const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [GENERIC_SCRIPT_ID] });
    if (existing.length > 0) await chrome.scripting.unregisterContentScripts({ ids: [GENERIC_SCRIPT_ID] });
    if (granted.length === 0) return;
    await chrome.scripting.registerContentScripts([{
      id: GENERIC_SCRIPT_ID,
      matches: granted,
      js: CONTENT_FILES,
      runAt: 'document_start',
      allFrames: false,
      persistAcrossSessions: true,
    }]);
  }

  const router = V.router.createRouter({
    client,
    tokens: new V.restoreTokens.TokenStore({ storage: session }),
    aliases: new V.scope.ScopeAliases(local),
    session,
    sync,
    getManaged,
    extensionId: chrome.runtime.id,
    extensionOrigin: new URL(chrome.runtime.getURL('/')).origin,
    openSidePanel: ({ tabId, windowId }) => chrome.sidePanel.open(tabId !== undefined ? { tabId } : { windowId }),
    applyCustomSites,
  });

  chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    // sidePanel.open needs the user gesture that came with the message: call it before any await.
    if (msg && msg.type === 'veil:openSidePanel' && sender.id === chrome.runtime.id && sender.tab) {
      chrome.sidePanel.open({ tabId: sender.tab.id }).then(
        () => sendResponse({ ok: true, result: {} }),
        () => sendResponse({ ok: false, error: { code: 'bad_request', message: 'side panel' } }),
      );
      return true;
    }
    router.handle(msg, sender).then(sendResponse);
    return true;
  });

  // Administrators may push presets through policy; the host owns presets, so copy them there.
  async function pushManagedPresets() {
    const managed = await getManaged();
    if (!managed.Presets || typeof managed.Presets !== 'object') return;
    for (const [name, preset] of Object.entries(managed.Presets)) {
      try {
        await client.request('presets', { action: 'put', name, preset });
      } catch {
        // The popup shows host problems; policy presets are pushed again at the next start.
      }
    }
    if (typeof managed.DefaultPreset === 'string') {
      try {
        const current = await client.request('settings', { action: 'get' });
        await client.request('settings', { action: 'put', settings: { ...current.settings, default_preset: managed.DefaultPreset } });
      } catch {
        // as above
      }
    }
  }

  async function onStart() {
    // Registration needs the real policy (its CustomSites), not the strict stand-in the router
    // uses while the managed read is pending: wait for the read itself.
    await getManaged();
    try {
      await applyCustomSites((await router.currentConfig()).customSites);
    } catch {
      // Registration failures leave only custom sites unprotected; the options page shows them.
    }
    await pushManagedPresets();
  }

  chrome.runtime.onInstalled.addListener(() => { onStart(); });
  chrome.runtime.onStartup.addListener(() => { onStart(); });
  chrome.storage.onChanged.addListener((changes, areaName) => {
    if (areaName === 'managed') {
      managedCache = null;
      onStart();
    }
  });
  // Through the router, whose tab-state writes are queued after the replies they belong to.
  chrome.tabs.onRemoved.addListener((tabId) => { router.forgetTab(tabId); });
})();
