// The fake chat pages' spy: runs first in the page's own JavaScript world and records
// everything the page could legitimately observe — its clipboard, keyboard and input
// events, every DOM mutation (answers included), the text of every frame it can reach,
// and every network body it sends. The e2e tests assert that no original value ever shows
// up in this log. It is deliberately greedy: a false alarm is better than a missed leak.
(function () {
  'use strict';
  const log = [];
  const MAX = 20000;
  function rec(kind, text) {
    if (typeof text !== 'string' || text === '') return;
    if (log.length < MAX) log.push({ kind, text, t: Date.now() });
  }
  function textOf(node) {
    if (!node) return '';
    if (node.nodeType === Node.TEXT_NODE) return node.data;
    if (node.nodeType === Node.ELEMENT_NODE) {
      let s = node.textContent || '';
      if ('value' in node && typeof node.value === 'string') s += ' ' + node.value;
      for (const a of node.attributes || []) s += ' ' + a.value;
      return s;
    }
    return node.textContent || '';
  }
  function composerText(target) {
    const el = target && target.nodeType === 1 ? target : target && target.parentElement;
    if (!el) return '';
    const box = el.closest('textarea, [contenteditable]') || el;
    return typeof box.value === 'string' ? box.value : box.textContent || '';
  }

  // Event listeners on every level the page can reach, capture and bubble.
  const kinds = ['paste', 'drop', 'beforeinput', 'input', 'keydown', 'keyup', 'compositionend', 'copy', 'cut', 'change',
    'submit', 'click'];
  for (const type of kinds) {
    const fn = (e) => {
      const dt = e.clipboardData || e.dataTransfer;
      if (dt) {
        rec(type + ':data', dt.getData('text/plain'));
        rec(type + ':html', dt.getData('text/html'));
      }
      if (typeof e.data === 'string') rec(type + ':e.data', e.data);
      rec(type + ':target', composerText(e.target));
    };
    window.addEventListener(type, fn, true);
    document.addEventListener(type, fn, true);
    window.addEventListener(type, fn, false);
  }

  // Every mutation of the whole document.
  const mo = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') rec('mutation:text', r.target.data);
      else if (r.type === 'attributes') rec('mutation:attr', r.target.getAttribute(r.attributeName) || '');
      for (const n of r.addedNodes || []) rec('mutation:added', textOf(n));
    }
  });
  mo.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });

  // Network: fetch, XHR, beacons, WebSocket.
  const origFetch = window.fetch;
  window.fetch = function (input, init) {
    try {
      rec('fetch:url', typeof input === 'string' ? input : input && input.url);
      if (init && typeof init.body === 'string') rec('fetch:body', init.body);
    } catch { /* never break the page */ }
    return origFetch.apply(this, arguments);
  };
  const origSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (body) {
    if (typeof body === 'string') rec('xhr:body', body);
    return origSend.apply(this, arguments);
  };
  if (navigator.sendBeacon) {
    const origBeacon = navigator.sendBeacon.bind(navigator);
    navigator.sendBeacon = (url, data) => { if (typeof data === 'string') rec('beacon:body', data); return origBeacon(url, data); };
  }

  // Polling: the whole visible text, every form value, and every frame the page can open.
  const frameAccess = [];
  setInterval(() => {
    if (!document.body) return;
    rec('poll:body', document.body.innerText);
    for (const el of document.querySelectorAll('textarea, input')) rec('poll:value', el.value);
    for (const f of document.querySelectorAll('iframe')) {
      let readable = false;
      try {
        const d = f.contentDocument;
        if (d && d.body) { readable = true; rec('poll:frame', d.body.innerText); }
      } catch { /* cross-origin: unreadable */ }
      frameAccess.push({ src: f.src, readable });
    }
    // Frames the page cannot find in its DOM (e.g. inside a closed shadow root) are still
    // reachable as window.frames[i]; try to read those too.
    for (let i = 0; i < window.frames.length; i++) {
      let readable = false;
      try {
        const d = window.frames[i].document;
        if (d && d.body) { readable = true; rec('poll:window.frames', d.body.innerText); }
      } catch { /* cross-origin: unreadable */ }
      frameAccess.push({ src: `window.frames[${i}]`, readable });
    }
    // One entry per poll, so a test can prove the page was looking while Veil's frame was open
    // even when it found nothing to open (a closed shadow root hides the frame completely).
    frameAccess.push({ src: 'poll', found: document.querySelectorAll('iframe').length + window.frames.length, readable: false });
  }, 100);

  window.__pageSaw = rec;
  window.__nosy = {
    dump: () => log.slice(),
    frameAccess: () => frameAccess.slice(),
    size: () => log.length,
  };
})();
