// The small notice Veil shows on the chat page after masking or on failure. It lives in a
// closed shadow root and carries counts and kinds only, never a value: the page can read
// whatever is in its DOM.
(function (root, factory) {
  'use strict';
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.Veil = root.Veil || {}).notice = api;
})(globalThis, function () {
  'use strict';

  const STYLE = `
    :host { all: initial; }
    .box { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; max-width: 360px;
      font: 13px/1.4 system-ui, sans-serif; color: #111; background: #fff; border: 1px solid #c8ccd4;
      border-left: 4px solid #2b4a7a; border-radius: 6px; padding: 10px 32px 10px 12px;
      box-shadow: 0 4px 16px rgba(0,0,0,.15); }
    .box.error { border-left-color: #b3261e; }
    .close { position: absolute; top: 4px; right: 6px; border: 0; background: none; font-size: 16px; cursor: pointer; color: #555; }
    a { color: #2b4a7a; cursor: pointer; text-decoration: underline; margin-left: 4px; }
    .hidden { display: none; }
  `;

  // counts: {LABEL: n}; t(key, subs) -> localized string or ''.
  function describeCounts(counts, t) {
    const parts = [];
    let total = 0;
    for (const [label, n] of Object.entries(counts || {}).sort()) {
      if (!Number.isInteger(n) || n <= 0) continue;
      total += n;
      parts.push(`${n} × ${t(`label_${label}`) || label}`);
    }
    return { total, text: parts.join(', ') };
  }

  function createNotice(doc, { t, onReview, autoHideMs = 10000 } = {}) {
    let host = null;
    let box = null;
    let msg = null;
    let link = null;
    let timer = null;
    const state = { visible: false, kind: null, text: '' };

    function ensure() {
      if (host && host.isConnected) return;
      host = doc.createElement('veil-notice');
      const shadow = host.attachShadow({ mode: 'closed' });
      const style = doc.createElement('style');
      style.textContent = STYLE;
      box = doc.createElement('div');
      box.className = 'box hidden';
      box.setAttribute('role', 'status');
      msg = doc.createElement('span');
      link = doc.createElement('a');
      link.textContent = t('notice_review') || 'Review';
      link.addEventListener('click', (e) => {
        e.preventDefault();
        if (onReview) onReview();
      });
      const close = doc.createElement('button');
      close.className = 'close';
      close.textContent = '×';
      close.setAttribute('aria-label', t('notice_close') || 'Close');
      close.addEventListener('click', hide);
      box.append(msg, link, close);
      shadow.append(style, box);
      (doc.body || doc.documentElement).appendChild(host);
    }

    function show(kind, text, { review = false } = {}) {
      ensure();
      msg.textContent = text;
      link.className = review ? '' : 'hidden';
      box.className = `box${kind === 'error' ? ' error' : ''}`;
      state.visible = true;
      state.kind = kind;
      state.text = text;
      const win = doc.defaultView;
      if (timer) win.clearTimeout(timer);
      timer = kind === 'error' ? null : win.setTimeout(hide, autoHideMs);
    }

    function hide() {
      if (box) box.className = 'box hidden';
      state.visible = false;
    }

    function showMasked(counts) {
      const { total, text } = describeCounts(counts, t);
      if (total === 0) return;
      show('info', `${t('notice_masked', [String(total)]) || `Veil masked ${total} item(s):`} ${text}`, { review: true });
    }

    function showError(code) {
      show('error', t(`err_${code}`) || t('err_host_error') || code);
    }

    return { show, showMasked, showError, hide, state, get element() { return host; } };
  }

  return { createNotice, describeCounts };
});
