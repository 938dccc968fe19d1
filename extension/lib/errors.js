// Veil's error vocabulary shared by the service worker and the UI: Chrome's native-messaging
// failures (chrome.runtime.lastError texts) and host error replies become stable codes, each
// with a locale message key that tells the user how to fix it. No user text ever goes here.
(function (root, factory) {
  'use strict';
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.Veil = root.Veil || {}).errors = api;
})(globalThis, function () {
  'use strict';

  // code -> English fallback (the UI shows chrome.i18n message `err_<code>`).
  const MESSAGES = {
    host_not_installed: 'The Veil helper program is not installed. Run ./installer/install.sh, then reload the page.',
    host_forbidden: 'The Veil helper refused this extension (extension ID not allowed). Re-run the installer.',
    host_crashed: 'The Veil helper stopped unexpectedly. Try again; it restarts on the next request.',
    host_protocol: 'The Veil helper sent a reply the browser could not accept. Try again.',
    host_disconnected: 'The connection to the Veil helper was closed. Try again.',
    host_error: 'The Veil helper could not process the request.',
    timeout: 'The Veil helper did not answer in time. Try again.',
    bad_reply: 'The Veil helper sent an invalid reply.',
    forbidden_sender: 'This request is not allowed from here.',
    bad_request: 'Invalid request.',
    disabled: 'Veil is turned off for this site.',
    token_unknown: 'This restore link has expired. Click Restore again.',
    insert_failed: 'Veil could not put the masked text into the message box; nothing was inserted or sent.',
    verify_failed: 'The message box did not show the masked text; nothing was sent.',
    extension_unavailable: 'Veil was updated or restarted. Reload this page.',
    sent_unmasked: 'The Veil helper is unavailable; the text was used without masking (fail-open is on).',
  };

  // Exact texts Chromium puts in chrome.runtime.lastError (docs/DESIGN.md §3).
  const NATIVE_LAST_ERRORS = {
    'Specified native messaging host not found.': 'host_not_installed',
    'Access to the specified native messaging host is forbidden.': 'host_forbidden',
    'Native host has exited.': 'host_crashed',
    'Error when communicating with the native messaging host.': 'host_protocol',
  };

  class VeilError extends Error {
    constructor(code, { hostCode, hostName, detail } = {}) {
      super(MESSAGES[code] || MESSAGES.host_error);
      this.name = 'VeilError';
      this.code = code;
      if (hostCode !== undefined) this.hostCode = hostCode;
      if (hostName !== undefined) this.hostName = hostName;
      if (detail !== undefined) this.detail = detail;
    }
  }

  function codeForLastError(message) {
    if (typeof message !== 'string' || message === '') return 'host_disconnected';
    return NATIVE_LAST_ERRORS[message.trim()] || 'host_disconnected';
  }

  // Host error reply {code, name, message} -> VeilError. The host's message never contains
  // user text (docs/protocol.md), so it may be shown as a detail (e.g. a rule's regex error).
  function fromHostError(error) {
    const e = error && typeof error === 'object' ? error : {};
    return new VeilError('host_error', {
      hostCode: Number.isInteger(e.code) ? e.code : undefined,
      hostName: typeof e.name === 'string' ? e.name : undefined,
      detail: typeof e.message === 'string' ? e.message.slice(0, 500) : undefined,
    });
  }

  // Plain object for chrome.runtime messages (Error objects do not survive structured clone).
  function toWire(err) {
    if (err instanceof VeilError) {
      const out = { code: err.code, message: err.message };
      if (err.hostCode !== undefined) out.hostCode = err.hostCode;
      if (err.hostName !== undefined) out.hostName = err.hostName;
      if (err.detail !== undefined) out.detail = err.detail;
      return out;
    }
    return { code: 'host_error', message: MESSAGES.host_error };
  }

  function messageKey(code) {
    return `err_${MESSAGES[code] ? code : 'host_error'}`;
  }

  return { MESSAGES, NATIVE_LAST_ERRORS, VeilError, codeForLastError, fromHostError, toWire, messageKey };
});
