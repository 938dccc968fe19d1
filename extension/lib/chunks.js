// Reassembles chunked host replies ({id, chunk:{seq,last,data}}, docs/protocol.md): parts may
// arrive in any order; the reply is complete when every seq up to the last one is present.
(function (root, factory) {
  'use strict';
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.Veil = root.Veil || {}).chunks = api;
})(globalThis, function () {
  'use strict';

  const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
  const DEFAULT_MAX_PARTS = 4096;

  class ChunkAssembler {
    constructor({ maxChars = DEFAULT_MAX_BYTES, maxParts = DEFAULT_MAX_PARTS } = {}) {
      this.maxChars = maxChars;
      this.maxParts = maxParts;
      this.pending = new Map();
    }

    // Returns {done:false} while parts are missing, {done:true, reply} when complete, or
    // {done:true, error} for a malformed sequence (the caller fails that request).
    accept(id, chunk) {
      if (!chunk || typeof chunk !== 'object' || !Number.isInteger(chunk.seq) || chunk.seq < 0 ||
          typeof chunk.data !== 'string' || typeof chunk.last !== 'boolean') {
        this.pending.delete(id);
        return { done: true, error: 'malformed chunk' };
      }
      let st = this.pending.get(id);
      if (!st) {
        st = { parts: new Map(), chars: 0, lastSeq: -1 };
        this.pending.set(id, st);
      }
      if (st.parts.has(chunk.seq) || chunk.seq >= this.maxParts || (st.lastSeq >= 0 && chunk.seq > st.lastSeq) ||
          (chunk.last && st.lastSeq >= 0)) {
        this.pending.delete(id);
        return { done: true, error: 'inconsistent chunk sequence' };
      }
      st.chars += chunk.data.length;
      if (st.chars > this.maxChars) {
        this.pending.delete(id);
        return { done: true, error: 'chunked reply too large' };
      }
      st.parts.set(chunk.seq, chunk.data);
      if (chunk.last) {
        for (const seq of st.parts.keys()) {
          if (seq > chunk.seq) {
            this.pending.delete(id);
            return { done: true, error: 'inconsistent chunk sequence' };
          }
        }
        st.lastSeq = chunk.seq;
      }
      if (st.lastSeq < 0 || st.parts.size !== st.lastSeq + 1) return { done: false };
      this.pending.delete(id);
      let text = '';
      for (let i = 0; i <= st.lastSeq; i++) text += st.parts.get(i);
      try {
        return { done: true, reply: JSON.parse(text) };
      } catch {
        return { done: true, error: 'chunked reply is not JSON' };
      }
    }

    drop(id) {
      this.pending.delete(id);
    }

    clear() {
      this.pending.clear();
    }
  }

  return { ChunkAssembler };
});
