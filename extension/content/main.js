// Content-script entry: picks the adapter for this site (the generic one on sites the user
// added), connects the controller to chrome.runtime, and reacts to configuration changes.
(function () {
  'use strict';

  const V = globalThis.Veil;
  if (!V || V.started) return;
  V.started = true;

  const adapter = V.adapters.adapterForHost(location.hostname) || V.adapters.GENERIC;

  function send(type, payload) {
    return new Promise((resolve) => {
      try {
        chrome.runtime.sendMessage({ ...payload, type }, (response) => {
          if (chrome.runtime.lastError || !response) {
            resolve({ ok: false, error: { code: 'host_disconnected' } });
          } else {
            resolve(response);
          }
        });
      } catch {
        // The extension was reloaded under this page: its context is gone.
        resolve({ ok: false, error: { code: 'extension_unavailable' } });
      }
    });
  }

  function t(key, substitutions) {
    try {
      return chrome.i18n.getMessage(key, substitutions);
    } catch {
      return '';
    }
  }

  const controller = V.controller.createController({
    win: window,
    adapter,
    send,
    t,
    getURL: (path) => chrome.runtime.getURL(path),
  });
  controller.start();

  chrome.storage.onChanged.addListener((changes, areaName) => {
    if ((areaName === 'sync' && changes['veil.config']) || areaName === 'managed') controller.refreshConfig();
  });
})();
