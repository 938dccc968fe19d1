// The one native-messaging port to the Veil host (com.veil.host): created lazily, requests
// carry ids and timeouts, chunked replies are reassembled, and on disconnect every pending
// request fails with the reason Chrome gave (mapped to a code the UI can explain). The next
// request opens a new port. chrome.* is injected so Node tests drive it with fake ports.
(function (root, factory) {
  'use strict';
  const deps = typeof require === 'function'
    ? { errors: require('./errors.js'), chunks: require('./chunks.js') }
    : { errors: root.Veil.errors, chunks: root.Veil.chunks };
  const api = factory(deps);
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.Veil = root.Veil || {}).nativeClient = api;
})(globalThis, function (deps) {
  'use strict';

  const { errors, chunks } = deps;

  const { VeilError, codeForLastError, fromHostError } = errors;
  const HOST_NAME = 'com.veil.host';
  const PROTOCOL_VERSION = 1;
  const DEFAULT_TIMEOUT_MS = 30000;

  // Native messaging rejects lone surrogates (nlohmann refuses them): send well-formed text.
  function wellFormed(text) {
    if (typeof text !== 'string') return text;
    if (typeof text.toWellFormed === 'function') return text.toWellFormed();
    return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  }

  // Wrapped: browsers throw "Illegal invocation" when setTimeout is called on another object.
  function defaultTimers() {
    return { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (id) => clearTimeout(id) };
  }

  class NativeClient {
    // connect(hostName) -> Port; getLastError() -> chrome.runtime.lastError?.message.
    constructor({ connect, getLastError, hostName = HOST_NAME, timeoutMs = DEFAULT_TIMEOUT_MS,
      timers = defaultTimers(), onDisconnect } = {}) {
      this.connect = connect;
      this.getLastError = getLastError || (() => undefined);
      this.hostName = hostName;
      this.timeoutMs = timeoutMs;
      this.timers = timers;
      this.onDisconnectHook = onDisconnect;
      this.port = null;
      this.nextId = 1;
      this.pending = new Map();
      this.assembler = new chunks.ChunkAssembler();
      this.lastDisconnect = null;
    }

    get connected() {
      return this.port !== null;
    }

    ensurePort() {
      if (this.port) return this.port;
      const port = this.connect(this.hostName);
      port.onMessage.addListener((msg) => this.onMessage(msg));
      port.onDisconnect.addListener(() => this.onPortDisconnect(port));
      this.port = port;
      return port;
    }

    request(op, fields = {}, { timeoutMs } = {}) {
      return new Promise((resolve, reject) => {
        const id = this.nextId++;
        const message = { ...fields, v: PROTOCOL_VERSION, id, op };
        if (typeof message.text === 'string') message.text = wellFormed(message.text);
        const ms = timeoutMs || this.timeoutMs;
        const timer = this.timers.setTimeout(() => {
          if (!this.pending.has(id)) return;
          this.pending.delete(id);
          this.assembler.drop(id);
          reject(new VeilError('timeout'));
        }, ms);
        this.pending.set(id, { resolve, reject, timer });
        try {
          this.ensurePort().postMessage(message);
        } catch {
          // postMessage throws on a port that has just been disconnected.
          this.settle(id, null, new VeilError('host_disconnected'));
          this.port = null;
        }
      });
    }

    settle(id, result, error) {
      const p = this.pending.get(id);
      if (!p) return;
      this.pending.delete(id);
      this.timers.clearTimeout(p.timer);
      if (error) p.reject(error);
      else p.resolve(result);
    }

    onMessage(msg) {
      if (!msg || typeof msg !== 'object' || !this.pending.has(msg.id)) return;
      if (msg.chunk !== undefined) {
        const r = this.assembler.accept(msg.id, msg.chunk);
        if (!r.done) return;
        if (r.error) {
          this.settle(msg.id, null, new VeilError('bad_reply', { detail: r.error }));
          return;
        }
        this.onReply(msg.id, r.reply);
        return;
      }
      this.onReply(msg.id, msg);
    }

    onReply(id, reply) {
      if (reply && reply.ok === true) this.settle(id, reply.result === undefined ? {} : reply.result, null);
      else if (reply && reply.ok === false) this.settle(id, null, fromHostError(reply.error));
      else this.settle(id, null, new VeilError('bad_reply'));
    }

    onPortDisconnect(port) {
      // lastError must be read inside the onDisconnect callback.
      const code = codeForLastError(this.getLastError());
      if (port !== this.port) return;
      this.port = null;
      this.assembler.clear();
      this.lastDisconnect = { code, at: Date.now() };
      const pending = [...this.pending.keys()];
      for (const id of pending) this.settle(id, null, new VeilError(code));
      if (this.onDisconnectHook) this.onDisconnectHook(code);
    }

    disconnect() {
      if (!this.port) return;
      const port = this.port;
      this.port = null;
      try { port.disconnect(); } catch { /* already closed */ }
      for (const id of [...this.pending.keys()]) this.settle(id, null, new VeilError('host_disconnected'));
    }
  }

  return { NativeClient, HOST_NAME, PROTOCOL_VERSION, wellFormed };
});
