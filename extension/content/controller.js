// The content script's logic, independent of chrome.* (injected) and of the site (the adapter
// holds the selectors). It intercepts paste, drop and submit in the capture phase on window
// before the page sees them, has the service worker anonymize, writes the masked text into
// the composer, reads it back, and only then lets the send happen. It adds Restore buttons to
// answers that contain placeholders; restored text is shown in an extension frame, never here.
(function (root, factory) {
  'use strict';
  const deps = typeof require === 'function'
    ? {
      adapters: require('../lib/adapters.js'),
      editor: require('../lib/editor.js'),
      placeholders: require('../lib/placeholders.js'),
      scope: require('../lib/scope.js'),
      notice: require('../lib/notice.js'),
    }
    : root.Veil;
  const api = factory(deps);
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.Veil = root.Veil || {}).controller = api;
})(globalThis, function (deps) {
  'use strict';

  const { adapters, editor, placeholders, scope, notice: noticeLib } = deps;

  const RESTORE_STYLE = `
    :host { all: initial; display: block; margin: 4px 0 8px; }
    button { font: 12px system-ui, sans-serif; padding: 3px 10px; border: 1px solid #2b4a7a; border-radius: 4px;
      background: #fff; color: #2b4a7a; cursor: pointer; }
    .err { font: 12px system-ui, sans-serif; color: #b3261e; margin-left: 8px; }
    iframe { display: block; width: 100%; height: 280px; margin-top: 6px; border: 1px solid #c8ccd4;
      border-radius: 6px; resize: vertical; background: #fff; }
  `;

  function occurrences(haystack, needle) {
    const h = editor.normalize(haystack);
    const n = editor.normalize(needle);
    if (n === '') return 0;
    let count = 0;
    for (let i = h.indexOf(n); i !== -1; i = h.indexOf(n, i + n.length)) count++;
    return count;
  }

  function htmlToText(doc, html) {
    if (!html) return '';
    const parsed = new doc.defaultView.DOMParser().parseFromString(html, 'text/html');
    return parsed.body ? parsed.body.textContent || '' : '';
  }

  // opts: { win, adapter, send(type, payload) -> Promise<{ok,result|error}>, t(key, subs),
  //   getURL(path), restoreDebounceMs, scopePollMs }
  function createController(opts) {
    const win = opts.win;
    const doc = win.document;
    const adapter = opts.adapter;
    const send = opts.send;
    const t = opts.t || (() => '');
    const cfg = { enabled: true, failMode: 'closed', showNotice: true };
    const guard = { replaying: false, submitting: false, ownPaste: null };
    const restoreHosts = new WeakMap();
    const restoreUi = new WeakMap();
    const listeners = [];
    let queue = Promise.resolve();
    let lastComposer = null;
    let observer = null;
    let debounceTimer = null;
    let scopeTimer = null;
    let lastLatest = null;

    const notice = noticeLib.createNotice(doc, {
      t,
      onReview: () => { send('veil:openSidePanel', {}); },
    });

    // Scope state: a draft key until the URL names a conversation.
    const scopeState = { key: null, url: null, draftSubmitted: false };

    function conversationKey() {
      return scope.scopeKeyFromUrl(win.location.href, adapter.conversations);
    }

    async function syncScope() {
      const href = win.location.href;
      if (scopeState.key && scopeState.url === href) return scopeState.key;
      scopeState.url = href;
      const conv = conversationKey();
      const prev = scopeState.key;
      if (conv) {
        if (conv === prev) return conv;
        // Link a draft only when a message was sent from it: that send is what made the page
        // create this conversation. Otherwise the user just opened another conversation.
        const link = prev && scope.isDraftKey(prev) && scopeState.draftSubmitted;
        scopeState.key = conv;
        scopeState.draftSubmitted = false;
        await send('veil:scope', link ? { scope: conv, previous: prev } : { scope: conv });
        return conv;
      }
      if (!prev || !scope.isDraftKey(prev)) {
        scopeState.key = scope.newDraftKey(win.location.hostname, win.crypto);
        scopeState.draftSubmitted = false;
        await send('veil:scope', { scope: scopeState.key });
      }
      return scopeState.key;
    }

    function block(e) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }

    function showError(code) {
      notice.showError(code || 'host_error');
    }

    async function anonymize(text) {
      const key = await syncScope();
      return send('veil:anonymize', { text, scope: key });
    }

    // Paste/drop: mask first, then insert; read back before claiming success.
    async function insertMasked(composer, text) {
      const r = await anonymize(text);
      if (!r || !r.ok) {
        const code = r && r.error ? r.error.code : 'host_error';
        if (cfg.failMode === 'open' && code !== 'disabled') {
          editor.insertText(composer, text);
          notice.show('error', t('err_sent_unmasked') || 'sent_unmasked');
          return false;
        }
        showError(code);
        return false;
      }
      const masked = r.result.text;
      const beforeText = editor.getText(composer);
      const before = occurrences(beforeText, masked);
      const arrived = (cur) => occurrences(cur, masked) > before || editor.normalize(masked) === '';
      const viaPaste = await pasteViaEditor(composer, masked, beforeText, arrived);
      if (viaPaste === 'mismatch') {
        showError('verify_failed');
        return false;
      }
      if (viaPaste !== 'ok') {
        if (!editor.insertText(composer, masked)) {
          showError('insert_failed');
          return false;
        }
        const ok = await editor.waitFor(composer, arrived);
        if (!ok) {
          showError('verify_failed');
          return false;
        }
      }
      if (cfg.showNotice) notice.showMasked(r.result.counts);
      return true;
    }

    // Multi-line text into ProseMirror or Quill 2 (editor.pasteEventEditor): hand the editor a
    // synthetic paste that carries only the masked text and let its own paste handling build
    // one transaction (issue 8: 3-4 ms instead of 21-27 ms for execCommand's paragraph per
    // line). Veil's capture listener lets exactly this event through (guard.ownPaste).
    // Returns 'ok' (read back), 'fallback' (nothing was inserted: use execCommand) or
    // 'mismatch' (the editor changed the composer but not into the masked text; it can only
    // hold text Veil gave it, so no original is there, but the paste is not verified).
    async function pasteViaEditor(composer, masked, beforeText, arrived) {
      if (!masked.includes('\n') || !editor.pasteEventEditor(composer)) return 'fallback';
      let res;
      try {
        res = editor.dispatchPaste(composer, masked, (ev) => { guard.ownPaste = ev; });
      } finally {
        guard.ownPaste = null;
      }
      // Unhandled: an untrusted paste has no default action, so the composer is untouched.
      if (!res.dispatched || !res.handled) return 'fallback';
      // Both editors apply the paste in the same task; allow a few more tasks, then decide.
      if (await editor.waitFor(composer, arrived, { tasks: 12 })) return 'ok';
      if (editor.sameText(editor.getText(composer), beforeText)) return 'fallback';
      return 'mismatch';
    }

    function enqueue(task) {
      queue = queue.then(task, task);
      return queue;
    }

    function onPaste(e) {
      // Veil's own synthetic paste of masked text (pasteViaEditor) goes to the editor; any
      // other paste, trusted or not, is intercepted as usual.
      if (e === guard.ownPaste) return;
      if (!cfg.enabled || guard.replaying) return;
      const composer = adapters.findComposer(adapter, e.target);
      if (!composer) return;
      const dt = e.clipboardData;
      const text = dt ? dt.getData('text/plain') || htmlToText(doc, dt.getData('text/html')) : '';
      if (!text) return;
      block(e);
      return enqueue(() => insertMasked(composer, text));
    }

    function onDrop(e) {
      if (!cfg.enabled) return;
      const composer = adapters.findComposer(adapter, e.target);
      if (!composer) return;
      const dt = e.dataTransfer;
      const text = dt ? dt.getData('text/plain') || htmlToText(doc, dt.getData('text/html')) : '';
      if (!text) return;
      block(e);
      if (!editor.isTextControl(composer)) editor.placeCaretAtPoint(doc, e.clientX, e.clientY);
      return enqueue(() => insertMasked(composer, text));
    }

    function onBeforeInput(e) {
      if (!cfg.enabled || (e.inputType !== 'insertFromPaste' && e.inputType !== 'insertFromDrop')) return;
      const composer = adapters.findComposer(adapter, e.target);
      if (!composer) return;
      const text = (e.dataTransfer && e.dataTransfer.getData('text/plain')) || e.data || '';
      if (!text) return;
      block(e);
      return enqueue(() => insertMasked(composer, text));
    }

    // Submit: mask the whole composer, verify, then replay the send once.
    async function submitFlow(composer, replay) {
      guard.submitting = true;
      try {
        await queue;
        const text = editor.getText(composer);
        const r = await anonymize(text);
        if (!r || !r.ok) {
          const code = r && r.error ? r.error.code : 'host_error';
          if (cfg.failMode === 'open' && code !== 'disabled') {
            doReplay(replay);
            notice.show('error', t('err_sent_unmasked') || 'sent_unmasked');
            return false;
          }
          showError(code);
          return false;
        }
        const { text: masked, entities, counts } = r.result;
        if (!entities || entities.length === 0) {
          doReplay(replay);
          return true;
        }
        if (!editor.replaceAll(composer, masked)) {
          showError('insert_failed');
          return false;
        }
        const ok = await editor.waitFor(composer, (cur) => editor.sameText(cur, masked));
        if (!ok) {
          showError('verify_failed');
          return false;
        }
        doReplay(replay);
        if (cfg.showNotice) notice.showMasked(counts);
        return true;
      } finally {
        guard.submitting = false;
      }
    }

    function doReplay(replay) {
      if (scope.isDraftKey(scopeState.key)) scopeState.draftSubmitted = true;
      guard.replaying = true;
      try {
        replay();
      } finally {
        guard.replaying = false;
      }
    }

    function replaySend(composer, fallback) {
      const btn = adapters.querySendButton(adapter, doc, composer);
      if (btn && !btn.disabled) {
        btn.click();
        return;
      }
      fallback();
    }

    function pressEnter(composer) {
      const init = { key: 'Enter', code: 'Enter', keyCode: 13, which: 13, bubbles: true, cancelable: true };
      composer.dispatchEvent(new win.KeyboardEvent('keydown', init));
      composer.dispatchEvent(new win.KeyboardEvent('keyup', init));
    }

    function hasText(composer) {
      return editor.normalize(editor.getText(composer)) !== '';
    }

    function onKeyDown(e) {
      if (e.key !== 'Enter' || e.shiftKey || e.isComposing || e.keyCode === 229) return;
      if (!cfg.enabled || guard.replaying) return;
      const composer = adapters.findComposer(adapter, e.target);
      if (!composer) return;
      if (guard.submitting) {
        block(e);
        return;
      }
      if (!hasText(composer)) return;
      block(e);
      return submitFlow(composer, () => replaySend(composer, () => pressEnter(composer)));
    }

    function currentComposer() {
      return adapters.queryComposer(adapter, doc) || (lastComposer && lastComposer.isConnected ? lastComposer : null);
    }

    function onClick(e) {
      if (!cfg.enabled || guard.replaying) return;
      const btn = adapters.findSendButton(adapter, e.target);
      if (!btn) return;
      const composer = currentComposer();
      if (!composer) return;
      if (guard.submitting) {
        block(e);
        return;
      }
      if (!hasText(composer)) return;
      block(e);
      return submitFlow(composer, () => btn.click());
    }

    function onSubmit(e) {
      if (!cfg.enabled || guard.replaying) return;
      const form = e.target;
      const composer = currentComposer();
      if (!composer || !form || typeof form.contains !== 'function' || !form.contains(composer)) return;
      if (guard.submitting) {
        block(e);
        return;
      }
      if (!hasText(composer)) return;
      block(e);
      return submitFlow(composer, () => (typeof form.requestSubmit === 'function' ? form.requestSubmit() : form.submit()));
    }

    function onFocusIn(e) {
      const composer = adapters.findComposer(adapter, e.target);
      if (composer) lastComposer = composer;
    }

    // --- Restore buttons -------------------------------------------------------------

    function answerText(el) {
      return editor.getText(el);
    }

    function ensureRestoreButton(answer) {
      const existing = restoreHosts.get(answer);
      if (existing && existing.isConnected && existing.previousElementSibling === answer) return existing;
      if (existing && existing.isConnected) existing.remove();
      const host = doc.createElement('veil-restore');
      const shadow = host.attachShadow({ mode: 'closed' });
      const style = doc.createElement('style');
      style.textContent = RESTORE_STYLE;
      const button = doc.createElement('button');
      button.type = 'button';
      button.textContent = t('restore_button') || 'Restore';
      const err = doc.createElement('span');
      err.className = 'err';
      shadow.append(style, button, err);
      let frame = null;
      button.addEventListener('click', async (e) => {
        e.preventDefault();
        e.stopPropagation();
        if (frame) {
          frame.remove();
          frame = null;
          return;
        }
        err.textContent = '';
        const key = await syncScope();
        const r = await send('veil:prepareRestore', { text: answerText(answer), scope: key });
        if (!r || !r.ok) {
          err.textContent = t(`err_${r && r.error ? r.error.code : 'host_error'}`) || 'error';
          return;
        }
        frame = doc.createElement('iframe');
        frame.setAttribute('title', t('restore_frame_title') || 'Veil restored answer');
        frame.setAttribute('allow', 'clipboard-write');
        frame.src = `${opts.getURL('restore/restore.html')}#${r.result.token}`;
        shadow.append(frame);
      });
      answer.after(host);
      restoreHosts.set(answer, host);
      restoreUi.set(answer, { host, button, shadow, error: err, frame: () => frame });
      return host;
    }

    function scanAnswers() {
      if (!cfg.enabled || !adapter.answer) return;
      let latest = null;
      for (const answer of adapters.queryAnswers(adapter, doc)) {
        const text = answerText(answer);
        if (!placeholders.hasPlaceholder(text)) continue;
        if (adapters.isStreaming(adapter, answer, doc)) continue;
        ensureRestoreButton(answer);
        latest = text;
      }
      if (latest !== null && latest !== lastLatest) {
        lastLatest = latest;
        syncScope().then((key) => send('veil:latestAnswer', { text: latest, scope: key }));
      }
    }

    function scheduleScan() {
      if (debounceTimer) win.clearTimeout(debounceTimer);
      debounceTimer = win.setTimeout(() => {
        debounceTimer = null;
        scanAnswers();
      }, opts.restoreDebounceMs === undefined ? 300 : opts.restoreDebounceMs);
    }

    function startObserver() {
      if (observer || !adapter.answer) return;
      observer = new win.MutationObserver(scheduleScan);
      observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
      scheduleScan();
    }

    function listen(target, type, fn) {
      target.addEventListener(type, fn, true);
      listeners.push([target, type, fn]);
    }

    function start() {
      listen(win, 'paste', onPaste);
      listen(win, 'drop', onDrop);
      listen(win, 'beforeinput', onBeforeInput);
      listen(win, 'keydown', onKeyDown);
      listen(win, 'click', onClick);
      listen(win, 'submit', onSubmit);
      listen(win, 'focusin', onFocusIn);
      if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', startObserver, { once: true });
      else startObserver();
      scopeTimer = win.setInterval(() => { if (win.location.href !== scopeState.url) syncScope(); }, opts.scopePollMs || 1000);
      return refreshConfig();
    }

    async function refreshConfig() {
      const r = await send('veil:contentConfig', {});
      if (r && r.ok) {
        cfg.enabled = r.result.enabled !== false;
        cfg.failMode = r.result.failMode === 'open' ? 'open' : 'closed';
        cfg.showNotice = r.result.showNotice !== false;
      }
      if (cfg.enabled) syncScope();
      return cfg;
    }

    function stop() {
      for (const [target, type, fn] of listeners) target.removeEventListener(type, fn, true);
      listeners.length = 0;
      if (observer) observer.disconnect();
      if (scopeTimer) win.clearInterval(scopeTimer);
      if (debounceTimer) win.clearTimeout(debounceTimer);
    }

    return {
      start,
      stop,
      refreshConfig,
      syncScope,
      scanAnswers,
      config: cfg,
      notice,
      scopeState,
      whenIdle: () => queue,
      // The closed shadow root hides the button from the page; tests reach it through here.
      restoreUiFor: (answer) => restoreUi.get(answer) || null,
      handlers: { onPaste, onDrop, onBeforeInput, onKeyDown, onClick, onSubmit },
    };
  }

  return { createController, occurrences };
});
