// Per-conversation "do not mask this" list, applied by the service worker after the host
// anonymized: entities whose original value is on the list are put back in the masked text
// and dropped from the result. The host protocol needs no change for it. Values are compared
// case- and width-insensitively.
(function (root, factory) {
  'use strict';
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.Veil = root.Veil || {}).allowlist = api;
})(globalThis, function () {
  'use strict';

  function canonical(value) {
    return String(value).normalize('NFKC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase();
  }

  // original: the text sent to the host; result: its anonymize result; allowed: iterable of values.
  function applyAllowList(original, result, allowed) {
    const allow = new Set([...(allowed || [])].map(canonical));
    if (allow.size === 0 || !result || !Array.isArray(result.entities)) return result;
    const entities = [...result.entities].sort((a, b) => a.masked_start - b.masked_start);
    const masked = result.text;
    let out = '';
    let cursor = 0;
    const kept = [];
    const counts = {};
    for (const e of entities) {
      const value = original.slice(e.start, e.end);
      out += masked.slice(cursor, e.masked_start);
      if (allow.has(canonical(value))) {
        out += value;
      } else {
        const start = out.length;
        out += masked.slice(e.masked_start, e.masked_end);
        kept.push({ ...e, masked_start: start, masked_end: out.length });
        counts[e.label] = (counts[e.label] || 0) + 1;
      }
      cursor = e.masked_end;
    }
    out += masked.slice(cursor);
    return { ...result, text: out, entities: kept, counts };
  }

  return { applyAllowList, canonical };
});
