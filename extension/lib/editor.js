// Reads and writes the composer the way the page's editor expects: the native value setter
// plus an input event for <textarea> (React tracks the prototype setter), and
// execCommand('insertText') for contenteditable editors (ProseMirror, Quill), which then
// update their own state; for ProseMirror and Quill 2, multi-line text goes in as a synthetic
// paste event the editor handles itself (dispatchPaste). Callers read back and compare;
// nothing here assumes success.
(function (root, factory) {
  'use strict';
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.Veil = root.Veil || {}).editor = api;
})(globalThis, function () {
  'use strict';

  function isTextControl(el) {
    return !!el && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT');
  }

  function getText(el) {
    if (!el) return '';
    if (isTextControl(el)) return el.value;
    // innerText follows rendering (paragraphs become newlines); jsdom lacks it.
    return typeof el.innerText === 'string' ? el.innerText : el.textContent;
  }

  function nativeValueSetter(el) {
    for (let proto = Object.getPrototypeOf(el); proto; proto = Object.getPrototypeOf(proto)) {
      const desc = Object.getOwnPropertyDescriptor(proto, 'value');
      if (desc && desc.set) return desc.set;
    }
    return null;
  }

  function setNativeValue(el, value) {
    const setter = nativeValueSetter(el);
    if (!setter) return false;
    setter.call(el, value);
    const win = el.ownerDocument.defaultView;
    el.dispatchEvent(new win.Event('input', { bubbles: true }));
    return true;
  }

  function execInsert(doc, text) {
    try {
      if (text === '') return doc.execCommand('delete', false) === true;
      return doc.execCommand('insertText', false, text) === true;
    } catch {
      return false;
    }
  }

  function selectionInside(el) {
    const sel = el.ownerDocument.getSelection();
    if (!sel || sel.rangeCount === 0) return false;
    return el.contains(sel.getRangeAt(0).commonAncestorContainer);
  }

  function placeSelection(el, { all }) {
    const doc = el.ownerDocument;
    const range = doc.createRange();
    range.selectNodeContents(el);
    if (!all) range.collapse(false);
    const sel = doc.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  // Inserts at the caret (replacing the selection). Returns whether the editor accepted it.
  function insertText(el, text) {
    if (isTextControl(el)) {
      const value = el.value;
      const start = typeof el.selectionStart === 'number' ? el.selectionStart : value.length;
      const end = typeof el.selectionEnd === 'number' ? el.selectionEnd : start;
      if (!setNativeValue(el, value.slice(0, start) + text + value.slice(end))) return false;
      try { el.setSelectionRange(start + text.length, start + text.length); } catch { /* not focusable */ }
      return true;
    }
    el.focus();
    if (!selectionInside(el)) placeSelection(el, { all: false });
    return execInsert(el.ownerDocument, text);
  }

  // Editors whose own paste handler reads clipboardData and applies the whole paste at once,
  // in the same task: ProseMirror (ChatGPT, Claude, Mistral, TipTap) and Quill 2. For them a
  // synthetic paste carrying the masked text is one transaction, where execCommand('insertText')
  // of multi-line text is one paragraph insert per line (21-27 ms for an 87-line email in
  // Chromium, issue 8). Quill 1 pastes through its hidden .ql-clipboard container one task
  // later and moves the focus there: it is left to execCommand.
  function pasteEventEditor(el) {
    if (!el || isTextControl(el) || !el.classList) return null;
    if (el.classList.contains('ProseMirror')) return 'prosemirror';
    if (el.classList.contains('ql-editor')) {
      const container = el.parentElement;
      if (!container || Array.from(container.children).some((c) => c.classList && c.classList.contains('ql-clipboard'))) return null;
      return 'quill';
    }
    return null;
  }

  // Dispatches a synthetic paste at the composer whose clipboardData holds `text` (text/plain
  // only) and nothing else. `own(event)` is called before dispatch so the caller's own capture
  // listener can let exactly this event through. Untrusted events have no default action, so
  // when no handler called preventDefault() nothing was inserted.
  // Returns { dispatched, handled }.
  function dispatchPaste(el, text, own) {
    const win = el.ownerDocument.defaultView;
    if (typeof win.DataTransfer !== 'function' || typeof win.ClipboardEvent !== 'function') return { dispatched: false, handled: false };
    let ev;
    try {
      const dt = new win.DataTransfer();
      dt.setData('text/plain', text);
      ev = new win.ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true, composed: true });
    } catch {
      return { dispatched: false, handled: false };
    }
    if (!ev.clipboardData || ev.clipboardData.getData('text/plain') !== text) return { dispatched: false, handled: false };
    el.focus();
    if (!selectionInside(el)) placeSelection(el, { all: false });
    if (own) own(ev);
    el.dispatchEvent(ev);
    return { dispatched: true, handled: ev.defaultPrevented };
  }

  // Replaces the composer's whole content.
  function replaceAll(el, text) {
    if (isTextControl(el)) return setNativeValue(el, text);
    el.focus();
    placeSelection(el, { all: true });
    return execInsert(el.ownerDocument, text);
  }

  // Puts the caret where a drop happened, when the browser can tell.
  function placeCaretAtPoint(doc, x, y) {
    if (typeof doc.caretRangeFromPoint !== 'function') return false;
    const range = doc.caretRangeFromPoint(x, y);
    if (!range) return false;
    const sel = doc.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    return true;
  }

  // Editors render newlines as paragraphs and spaces as NBSP; compare modulo whitespace.
  function normalize(text) {
    return String(text)
      .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
      .replace(/\s+/gu, ' ')
      .trim();
  }

  function sameText(a, b) {
    return normalize(a) === normalize(b);
  }

  function containsText(haystack, needle) {
    return normalize(haystack).includes(normalize(needle));
  }

  function nextMacrotask(win) {
    return new Promise((resolve) => (win ? win.setTimeout(resolve, 0) : setTimeout(resolve, 0)));
  }

  // ProseMirror applies the edit one macrotask later: poll a few tasks before giving up.
  async function waitFor(el, predicate, { tasks = 6 } = {}) {
    const win = el.ownerDocument.defaultView;
    for (let i = 0; i <= tasks; i++) {
      if (predicate(getText(el))) return true;
      await nextMacrotask(win);
    }
    return predicate(getText(el));
  }

  return {
    isTextControl,
    getText,
    setNativeValue,
    insertText,
    pasteEventEditor,
    dispatchPaste,
    replaceAll,
    placeCaretAtPoint,
    normalize,
    sameText,
    containsText,
    nextMacrotask,
    waitFor,
  };
});
