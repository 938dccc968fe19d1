// Renders a host `restore` result as DOM for extension pages (restore frame, side panel):
// restored values highlighted, placeholders the vault does not know listed. Builds text
// nodes only (no innerHTML), so an answer can never inject markup into Veil's own pages.
(function (root, factory) {
  'use strict';
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.Veil = root.Veil || {}).render = api;
})(globalThis, function () {
  'use strict';

  // Splits the restored text into [{text, restored, label}] using restored_start/_end.
  function segments(result) {
    const text = result && typeof result.text === 'string' ? result.text : '';
    const marks = (result && Array.isArray(result.placeholders) ? result.placeholders : [])
      .filter((p) => p.status === 'restored' && Number.isInteger(p.restored_start) && Number.isInteger(p.restored_end) &&
        p.restored_start >= 0 && p.restored_end <= text.length && p.restored_start < p.restored_end)
      .sort((a, b) => a.restored_start - b.restored_start);
    const out = [];
    let cursor = 0;
    for (const m of marks) {
      if (m.restored_start < cursor) continue;
      if (m.restored_start > cursor) out.push({ text: text.slice(cursor, m.restored_start), restored: false });
      out.push({ text: text.slice(m.restored_start, m.restored_end), restored: true, label: m.label, placeholder: m.placeholder });
      cursor = m.restored_end;
    }
    if (cursor < text.length) out.push({ text: text.slice(cursor), restored: false });
    return out;
  }

  function unknownPlaceholders(result) {
    const seen = new Set();
    const out = [];
    for (const p of (result && result.placeholders) || []) {
      if (p.status === 'restored') continue;
      const key = `${p.status}:${p.placeholder}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ placeholder: p.placeholder || p.found || '', status: p.status });
    }
    return out;
  }

  function renderRestored(doc, container, result, t) {
    container.textContent = '';
    const body = doc.createElement('div');
    body.className = 'restored-text';
    for (const s of segments(result)) {
      if (s.restored) {
        const mark = doc.createElement('mark');
        mark.textContent = s.text;
        if (s.placeholder) mark.title = s.label ? `${s.placeholder} · ${s.label}` : s.placeholder;
        body.append(mark);
      } else {
        body.append(doc.createTextNode(s.text));
      }
    }
    container.append(body);
    const unknown = unknownPlaceholders(result);
    if (unknown.length > 0) {
      const h = doc.createElement('p');
      h.className = 'unknown-title';
      h.textContent = t('restore_unknown') || 'Not restored (unknown to Veil):';
      const ul = doc.createElement('ul');
      ul.className = 'unknown';
      for (const u of unknown) {
        const li = doc.createElement('li');
        li.textContent = u.status === 'ambiguous' ? `${u.placeholder} (${t('restore_ambiguous') || 'ambiguous'})` : u.placeholder;
        ul.append(li);
      }
      container.append(h, ul);
    }
    return { restored: segments(result).filter((s) => s.restored).length, unknown: unknown.length };
  }

  return { segments, unknownPlaceholders, renderRestored };
});
