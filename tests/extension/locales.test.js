// UI strings: every key in all four locales, well-formed Chrome message names, the same
// substitutions everywhere, and every key the code asks for actually defined.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { EXT } = require('./helpers.js');
const errors = require('../../extension/lib/errors.js');
const presets = require('../../extension/lib/presets.js');

const LOCALES = ['en', 'nl', 'fr', 'de'];
const messages = Object.fromEntries(LOCALES.map((l) =>
  [l, JSON.parse(fs.readFileSync(path.join(EXT, '_locales', l, 'messages.json'), 'utf8'))]));

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === '_locales' ? [] : sourceFiles(p);
    return /\.(js|html|json)$/.test(e.name) ? [p] : [];
  });
}

test('every locale has exactly the same keys', () => {
  const en = Object.keys(messages.en).sort();
  assert.ok(en.length > 50);
  for (const l of LOCALES) assert.deepEqual(Object.keys(messages[l]).sort(), en, l);
});

test('messages are non-empty, keys are valid, substitutions match English', () => {
  for (const l of LOCALES) {
    for (const [key, value] of Object.entries(messages[l])) {
      assert.match(key, /^[A-Za-z0-9_]+$/, `${l}:${key}`);
      assert.equal(typeof value.message, 'string');
      assert.ok(value.message.trim().length > 0, `${l}:${key}`);
      const subs = (s) => [...s.matchAll(/\$\d/g)].map((m) => m[0]).sort();
      assert.deepEqual(subs(value.message), subs(messages.en[key].message), `${l}:${key}`);
    }
  }
});

test('non-English locales are translated, not copies of English', () => {
  for (const l of ['nl', 'fr', 'de']) {
    const same = Object.keys(messages.en).filter((k) => messages[l][k].message === messages.en[k].message);
    assert.ok(same.length < Object.keys(messages.en).length / 10, `${l}: ${same.join(', ')}`);
  }
});

test('every key the code uses exists', () => {
  const used = new Set();
  for (const file of sourceFiles(EXT)) {
    const src = fs.readFileSync(file, 'utf8');
    for (const m of src.matchAll(/data-i18n(?:-title|-placeholder)?="([A-Za-z0-9_]+)"/g)) used.add(m[1]);
    for (const m of src.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) used.add(m[1]);
    for (const m of src.matchAll(/button\('([A-Za-z0-9_]+)'/g)) used.add(m[1]);
    for (const m of src.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.add(m[1]);
  }
  for (const code of Object.keys(errors.MESSAGES)) used.add(`err_${code}`);
  for (const label of presets.LABELS) used.add(`label_${label}`);
  for (const op of presets.OPERATORS) used.add(`op_${op}`);
  for (const lang of presets.LANGUAGES) used.add(`lang_${lang}`);
  used.delete('key');
  const missing = [...used].filter((k) => !messages.en[k]);
  assert.deepEqual(missing, []);
});
