// Recognises Veil placeholders in assistant answers, including the ways models mangle them
// ("[NAME_1]", "NAME_1", "[Name 1]", "\[NAME\_1\]", "**[NAME_1]**"). Used only to decide
// whether an answer deserves a Restore button; the host does the actual restoring.
(function (root, factory) {
  'use strict';
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.Veil = root.Veil || {}).placeholders = api;
})(globalThis, function () {
  'use strict';

  // Bracketed forms: [NAME_1], [Name 1], [ NAME_1 ], \[NAME\_1\], [E_MAIL_ADDRESS_12].
  const BRACKETED = /\\?\[\s*[A-Za-z\u00C0-\u024F]{2,}(?:(?:\\?_|\s)[A-Za-z\u00C0-\u024F]+)*(?:\\?_|\s)\d{1,5}\s*\\?\]/u;
  // Bare forms must be upper case with an underscore to avoid matching ordinary prose
  // ("COVID 19" is not a placeholder; "NAME_1" is).
  // Counters stay small in a conversation; 1-3 digits keeps "ISO_8601" out.
  const BARE = /(?:^|[^A-Za-z0-9_\\])[A-Z]{2,}(?:_[A-Z]+)*\\?_[1-9]\d{0,2}(?![A-Za-z0-9_])/u;

  function hasPlaceholder(text) {
    if (typeof text !== 'string' || text.length === 0) return false;
    return BRACKETED.test(text) || BARE.test(text);
  }

  // Every placeholder-like occurrence, in order; for display and tests.
  function findPlaceholders(text) {
    const out = [];
    if (typeof text !== 'string') return out;
    const re = new RegExp(`${BRACKETED.source}|(?<![A-Za-z0-9_\\\\])[A-Z]{2,}(?:_[A-Z]+)*\\\\?_[1-9]\\d{0,2}(?![A-Za-z0-9_])`, 'gu');
    let m;
    while ((m = re.exec(text)) !== null) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
    return out;
  }

  return { hasPlaceholder, findPlaceholders };
});
