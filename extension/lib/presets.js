// Edits host presets (docs/presets.md, native_host/src/anonymize/preset.h) without losing
// fields: add terms to the deny list, map host validation errors ("custom_rules[2].pattern:
// ...") back to the rule they name. Presets live in the host; this only shapes documents.
(function (root, factory) {
  'use strict';
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.Veil = root.Veil || {}).presets = api;
})(globalThis, function () {
  'use strict';

  const OPERATORS = ['replace', 'mask', 'hash', 'redact', 'keep'];
  const LANGUAGES = ['en', 'nl', 'fr', 'de'];
  const LABELS = ['PERSON', 'EMAIL', 'PHONE', 'IBAN', 'CREDIT_CARD', 'ADDRESS', 'POSTAL_CODE', 'CITY', 'ORDER_ID',
    'CUSTOMER_ID', 'NATIONAL_ID', 'DATE_OF_BIRTH', 'IP_ADDRESS', 'URL', 'LICENSE_PLATE', 'SECRET'];

  function denyTermOf(entry) {
    return typeof entry === 'string' ? entry : entry && typeof entry.term === 'string' ? entry.term : '';
  }

  function withDenyTerm(preset, term, label) {
    const p = { ...preset, deny: Array.isArray(preset.deny) ? [...preset.deny] : [] };
    const t = String(term).trim();
    if (!t || p.deny.some((d) => denyTermOf(d).toLocaleLowerCase() === t.toLocaleLowerCase())) return p;
    p.deny.push(label ? { term: t, label } : t);
    return p;
  }

  function withoutDenyTerm(preset, term) {
    const t = String(term).trim().toLocaleLowerCase();
    return { ...preset, deny: (preset.deny || []).filter((d) => denyTermOf(d).toLocaleLowerCase() !== t) };
  }

  // Host error detail -> where it belongs: {field, index} for list fields, else {field}.
  function errorLocation(detail) {
    if (typeof detail !== 'string') return null;
    const m = /^([a-z_]+)(?:\[(\d+)\])?/.exec(detail);
    if (!m) return null;
    return m[2] !== undefined ? { field: m[1], index: Number(m[2]) } : { field: m[1] };
  }

  function labelSetting(preset, label) {
    const e = (preset.labels && preset.labels[label]) || {};
    return { enabled: e.enabled !== false, operator: e.operator || preset.default_operator || 'replace' };
  }

  function withLabelSetting(preset, label, { enabled, operator }) {
    const labels = { ...(preset.labels || {}) };
    const entry = { ...(labels[label] || {}) };
    if (enabled !== undefined) entry.enabled = enabled;
    if (operator !== undefined) entry.operator = operator;
    labels[label] = entry;
    return { ...preset, labels };
  }

  return { OPERATORS, LANGUAGES, LABELS, withDenyTerm, withoutDenyTerm, denyTermOf, errorLocation, labelSetting, withLabelSetting };
});
