// The restore frame: embedded in the chat page by the content script with only an opaque
// token in its URL fragment. It redeems the token with the service worker (which accepts that
// from extension pages only) and shows the restored answer here, in the extension's origin,
// where the page cannot read it.
(function () {
  'use strict';

  const { ui, render } = globalThis.Veil;
  const status = document.getElementById('status');
  const result = document.getElementById('result');
  const copy = document.getElementById('copy');
  const copied = document.getElementById('copied');
  let restoredText = '';

  ui.localize(document);

  async function copyText(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Clipboard API may be denied inside a frame; fall back to a selection copy.
      const ta = document.createElement('textarea');
      ta.value = text;
      document.body.append(ta);
      ta.select();
      const ok = document.execCommand('copy');
      ta.remove();
      return ok;
    }
  }

  copy.addEventListener('click', async () => {
    copied.textContent = (await copyText(restoredText)) ? ui.t('restore_copied') || 'Copied' : ui.errorText({ code: 'host_error' });
  });

  async function main() {
    const token = location.hash.slice(1);
    // Keep the token out of the frame's history entry once read.
    history.replaceState(null, '', location.pathname);
    try {
      const r = await ui.call('veil:redeemRestore', { token });
      status.classList.add('hidden');
      restoredText = r.text;
      render.renderRestored(document, result, r, ui.t);
      copy.disabled = false;
    } catch (err) {
      status.classList.remove('muted');
      status.classList.add('err');
      status.textContent = ui.errorText(err);
    }
  }

  main();
})();
