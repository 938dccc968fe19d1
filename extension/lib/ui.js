// Helpers for Veil's extension pages (popup, options, side panel, restore frame): localize
// elements marked with data-i18n, talk to the service worker, and explain errors.
(function (root, factory) {
  'use strict';
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.Veil = root.Veil || {}).ui = api;
})(globalThis, function () {
  'use strict';

  function t(key, substitutions) {
    try {
      return (globalThis.chrome && chrome.i18n && chrome.i18n.getMessage(key, substitutions)) || '';
    } catch {
      return '';
    }
  }

  // <el data-i18n="key"> gets textContent; data-i18n-title / data-i18n-placeholder set attributes.
  function localize(doc, tr = t) {
    for (const el of doc.querySelectorAll('[data-i18n]')) {
      const s = tr(el.dataset.i18n);
      if (s) el.textContent = s;
    }
    for (const el of doc.querySelectorAll('[data-i18n-title]')) {
      const s = tr(el.dataset.i18nTitle);
      if (s) el.title = s;
    }
    for (const el of doc.querySelectorAll('[data-i18n-placeholder]')) {
      const s = tr(el.dataset.i18nPlaceholder);
      if (s) el.placeholder = s;
    }
    const lang = tr('@@ui_locale');
    if (lang) doc.documentElement.lang = lang.replace('_', '-');
  }

  // Resolves to `result`, or throws {code, message, detail} (an error reply from the worker).
  async function call(type, payload = {}) {
    let r;
    try {
      r = await chrome.runtime.sendMessage({ ...payload, type });
    } catch {
      throw { code: 'host_disconnected' };
    }
    if (!r) throw { code: 'host_disconnected' };
    if (!r.ok) throw r.error || { code: 'host_error' };
    return r.result;
  }

  function errorText(err, tr = t) {
    const code = err && err.code ? err.code : 'host_error';
    const base = tr(`err_${code}`) || tr('err_host_error') || code;
    return err && err.detail ? `${base} (${err.detail})` : base;
  }

  return { t, localize, call, errorText };
});
