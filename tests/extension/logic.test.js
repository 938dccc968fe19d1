// Small pure modules: placeholder recognition in answers, the allow list, rendering of
// restored text, preset editing helpers, configuration merging with policy, the notice.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { hasPlaceholder, findPlaceholders } = require('../../extension/lib/placeholders.js');
const { applyAllowList } = require('../../extension/lib/allowlist.js');
const render = require('../../extension/lib/render.js');
const presets = require('../../extension/lib/presets.js');
const config = require('../../extension/lib/config.js');
const { createNotice, describeCounts } = require('../../extension/lib/notice.js');
const { makeWindow } = require('./helpers.js');

test('placeholders and their common mutations are recognised', () => {
  for (const s of ['Dear [NAME_1],', '[Name_1]', '[NAME 1]', '[ NAME_12 ]', '\\[NAME\\_1\\]', '**[EMAIL_2]**', "[NAME_1]'s order",
    'Hi NAME_1, thanks', '[ORDER_ID_3]', '[NAAM_1]', '[TÉLÉPHONE_2]', 'call PHONE_1.']) {
    assert.ok(hasPlaceholder(s), s);
  }
  for (const s of ['', 'COVID 19 update', 'Version 2', 'snake_case_1 variable', 'A_1', '[1]', 'see [link](x)', 'ISO_8601', null]) {
    assert.equal(hasPlaceholder(s), false, String(s));
  }
  assert.deepEqual(findPlaceholders('Hi [NAME_1] and NAME_2, not [NAME_10x').map((p) => p.text), ['[NAME_1]', 'NAME_2']);
});

test('allow list un-masks whole values and fixes offsets and counts', () => {
  const original = 'Jan <jan@x.nl> and Piet';
  const result = {
    text: '[NAME_1] <[EMAIL_1]> and [NAME_2]',
    entities: [
      { placeholder: '[NAME_1]', label: 'PERSON', start: 0, end: 3, masked_start: 0, masked_end: 8 },
      { placeholder: '[EMAIL_1]', label: 'EMAIL', start: 5, end: 13, masked_start: 10, masked_end: 19 },
      { placeholder: '[NAME_2]', label: 'PERSON', start: 19, end: 23, masked_start: 25, masked_end: 33 },
    ],
    counts: { PERSON: 2, EMAIL: 1 },
  };
  const r = applyAllowList(original, result, ['  JAN ', 'piet']);
  assert.equal(r.text, 'Jan <[EMAIL_1]> and Piet');
  assert.deepEqual(r.entities.map((e) => [e.placeholder, e.masked_start, e.masked_end]), [['[EMAIL_1]', 5, 14]]);
  assert.equal(r.text.slice(5, 14), '[EMAIL_1]');
  assert.deepEqual(r.counts, { EMAIL: 1 });
  assert.equal(applyAllowList(original, result, []), result);
  // "Jan" allowed does not un-mask a larger value containing it.
  const r2 = applyAllowList('Jan Jansen', { text: '[NAME_1]', entities: [{ label: 'PERSON', start: 0, end: 10, masked_start: 0, masked_end: 8 }], counts: {} }, ['Jan']);
  assert.equal(r2.text, '[NAME_1]');
});

test('restored text is rendered with highlights, as text nodes only', () => {
  const win = makeWindow('<div id="c"></div>', 'https://x.example/');
  const c = win.document.getElementById('c');
  const result = {
    text: 'Dear <b>Jan</b>, about [ORDER_9].',
    placeholders: [
      { placeholder: '[NAME_1]', status: 'restored', label: 'PERSON', restored_start: 8, restored_end: 11 },
      { placeholder: '[ORDER_9]', status: 'unknown', start: 20, end: 29 },
      { placeholder: '[ORDER_9]', status: 'unknown', start: 40, end: 49 },
      { placeholder: '[X_1]', status: 'restored', restored_start: 500, restored_end: 510 },
    ],
  };
  const r = render.renderRestored(win.document, c, result, () => '');
  assert.deepEqual(r, { restored: 1, unknown: 1 });
  assert.equal(c.querySelector('mark').textContent, 'Jan');
  assert.equal(c.querySelector('b'), null, 'answer markup stays text');
  assert.equal(c.querySelector('.restored-text').textContent, result.text);
  assert.deepEqual([...c.querySelectorAll('.unknown li')].map((li) => li.textContent), ['[ORDER_9]']);
});

test('preset helpers keep unknown fields and locate host validation errors', () => {
  const p = { version: 1, name: 'default', deny: ['Acme'], labels: { EMAIL: { threshold: 0.7 } } };
  const withTerm = presets.withDenyTerm(p, 'Project X', 'SECRET');
  assert.deepEqual(withTerm.deny, ['Acme', { term: 'Project X', label: 'SECRET' }]);
  assert.equal(presets.withDenyTerm(withTerm, 'project x').deny.length, 2);
  assert.deepEqual(presets.withoutDenyTerm(withTerm, 'ACME').deny, [{ term: 'Project X', label: 'SECRET' }]);
  assert.deepEqual(p.deny, ['Acme'], 'input not mutated');
  const off = presets.withLabelSetting(p, 'EMAIL', { enabled: false, operator: 'mask' });
  assert.deepEqual(off.labels.EMAIL, { threshold: 0.7, enabled: false, operator: 'mask' });
  assert.deepEqual(presets.labelSetting(off, 'EMAIL'), { enabled: false, operator: 'mask' });
  assert.deepEqual(presets.labelSetting(p, 'PHONE'), { enabled: true, operator: 'replace' });
  assert.deepEqual(presets.errorLocation('custom_rules[2].pattern: unmatched ('), { field: 'custom_rules', index: 2 });
  assert.deepEqual(presets.errorLocation('deny[0].term: expected a string'), { field: 'deny', index: 0 });
  assert.deepEqual(presets.errorLocation('language: expected one of'), { field: 'language' });
  assert.equal(presets.errorLocation(undefined), null);
});

test('configuration: defaults, user values, and policy overrides with lock', () => {
  const d = config.effectiveConfig();
  assert.deepEqual(d.sites, { chatgpt: true, claude: true, gemini: true, copilot: true, mistral: true });
  assert.equal(d.failMode, 'closed');
  const user = config.effectiveConfig({ sites: { claude: false, bogus: true }, failMode: 'open', customSites: ['https://a.example/x', 'ftp://b'] });
  assert.equal(user.sites.claude, false);
  assert.equal(user.sites.bogus, undefined);
  assert.equal(user.failMode, 'open');
  assert.deepEqual(user.customSites, ['https://a.example']);
  const pol = config.effectiveConfig({ failMode: 'open', sites: { claude: false } }, { FailMode: 'closed', EnabledSites: { claude: true, gemini: false }, CustomSites: ['b.example'], LockSettings: true });
  assert.equal(pol.failMode, 'closed');
  assert.equal(pol.sites.claude, true);
  assert.equal(pol.sites.gemini, false);
  assert.deepEqual(pol.customSites, ['https://b.example']);
  assert.equal(pol.locked, true);
  assert.deepEqual(config.siteFor(pol, 'https://gemini.google.com'), { adapter: 'gemini', enabled: false, builtin: true });
  assert.deepEqual(config.siteFor(pol, 'https://b.example'), { adapter: 'generic', enabled: true, builtin: false });
  assert.equal(config.siteFor(pol, 'https://c.example'), null);
  assert.equal(config.siteFor(pol, 'http://b.example'), null);
});

test('the notice lives in a closed shadow root and shows counts and kinds only', () => {
  const win = makeWindow('', 'https://chatgpt.com/');
  const tr = (k, s) => ({ notice_masked: `Masked ${s && s[0]}:`, label_PERSON: 'name', err_host_crashed: 'Crashed, retry.' }[k] || '');
  let reviewed = 0;
  const n = createNotice(win.document, { t: tr, onReview: () => reviewed++ });
  n.showMasked({ PERSON: 2, EMAIL: 1, ZERO: 0 });
  assert.equal(n.state.text, 'Masked 3: 1 × EMAIL, 2 × name');
  assert.equal(n.element.shadowRoot, null, 'closed shadow root');
  assert.equal(win.document.querySelector('veil-notice').textContent, '');
  n.showError('host_crashed');
  assert.equal(n.state.kind, 'error');
  assert.equal(n.state.text, 'Crashed, retry.');
  assert.deepEqual(describeCounts({}, tr), { total: 0, text: '' });
  assert.equal(reviewed, 0);
  win.close();
});
