// The service worker's handlers behind the sender policy: anonymize with resolved scopes and
// the per-conversation allow list, the restore token flow (content script prepares, only an
// extension page redeems), scope migration, forget, and settings locked by policy.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { createRouter } = require('../../extension/background/router.js');
const { TokenStore, TOKEN_RE } = require('../../extension/lib/restore_tokens.js');
const { ScopeAliases, newDraftKey } = require('../../extension/lib/scope.js');
const { VeilError } = require('../../extension/lib/errors.js');
const { memoryStorage } = require('./helpers.js');

const ID = 'kmhjhinpchnegnpgnpjekpkbhniikjkm';
const content = (tabId = 7, url = 'https://chatgpt.com/c/abc') =>
  ({ id: ID, url, origin: new URL(url).origin, tab: { id: tabId }, frameId: 0 });
const sidePanel = { id: ID, url: `chrome-extension://${ID}/sidepanel/sidepanel.html`, origin: `chrome-extension://${ID}` };
const restoreFrame = (tabId = 7) => ({ id: ID, url: 'chrome-extension://ffffffffffffffffffffffffffffffff/restore/restore.html', tab: { id: tabId }, frameId: 1 });

// Host stand-in: anonymize masks "Jan" and "jan@x.nl"; restore puts them back.
function fakeHost() {
  const calls = [];
  return {
    calls,
    fail: null,
    async request(op, fields) {
      calls.push({ op, ...fields });
      if (this.fail) throw this.fail;
      if (op === 'anonymize') {
        const entities = [];
        let text = '';
        let cursor = 0;
        const re = /Jan|jan@x\.nl/g;
        let m;
        let n = 0;
        while ((m = re.exec(fields.text)) !== null) {
          text += fields.text.slice(cursor, m.index);
          const ph = m[0] === 'Jan' ? '[NAME_1]' : `[EMAIL_${++n}]`;
          entities.push({ placeholder: ph, label: m[0] === 'Jan' ? 'PERSON' : 'EMAIL', start: m.index, end: m.index + m[0].length, masked_start: text.length, masked_end: text.length + ph.length });
          text += ph;
          cursor = m.index + m[0].length;
        }
        text += fields.text.slice(cursor);
        const counts = {};
        for (const e of entities) counts[e.label] = (counts[e.label] || 0) + 1;
        return { text, entities, counts };
      }
      if (op === 'restore') {
        const out = fields.text.replace('[NAME_1]', 'Jan');
        return { text: out, placeholders: [{ placeholder: '[NAME_1]', status: 'restored', start: 0, end: 8, restored_start: out.indexOf('Jan'), restored_end: out.indexOf('Jan') + 3, label: 'PERSON' }] };
      }
      if (op === 'entries') return { entries: [{ placeholder: '[NAME_1]', label: 'PERSON', value: 'Jan' }] };
      if (op === 'forget') return { removed: 2 };
      if (op === 'settings') return { settings: { retention_seconds: 3600 } };
      return {};
    },
  };
}

function setup({ managed = {}, now, getManaged, policyWaitMs } = {}) {
  const host = fakeHost();
  const session = memoryStorage();
  const sync = memoryStorage();
  const clock = { t: 1000 };
  const tokens = new TokenStore({ storage: session, now: now || (() => clock.t) });
  const aliases = new ScopeAliases(memoryStorage());
  const applied = [];
  const router = createRouter({
    client: host,
    tokens,
    aliases,
    session,
    sync,
    getManaged: getManaged || (async () => managed),
    policyWaitMs,
    extensionId: ID,
    extensionOrigin: `chrome-extension://${ID}`,
    openSidePanel: async () => {},
    applyCustomSites: async (o) => { applied.push(o); },
  });
  return { router, host, session, sync, tokens, aliases, clock, applied };
}

test('anonymize from a content script reaches the host with the site and scope', async () => {
  const { router, host } = setup();
  const r = await router.handle({ type: 'veil:anonymize', text: 'Hi Jan', scope: 'chatgpt.com/c/abc' }, content());
  assert.equal(r.ok, true);
  assert.equal(r.result.text, 'Hi [NAME_1]');
  assert.deepEqual(r.result.counts, { PERSON: 1 });
  assert.deepEqual(host.calls[0], { op: 'anonymize', text: 'Hi Jan', scope: 'chatgpt.com/c/abc', site: 'chatgpt.com' });
});

// Issue 8: the worker's tab-state write sat between the host's reply and the paste. The reply
// must not wait for storage; the state still lands, in order, and readers see it.
test('anonymize replies before the tab state is written; the write follows', async () => {
  const { router, session } = setup();
  const held = [];
  const realSet = session.set.bind(session);
  session.set = (key, value) => (key === 'veil.tabs'
    ? new Promise((resolve) => { held.push(() => realSet(key, value).then(resolve)); })
    : realSet(key, value));
  const reply = router.handle({ type: 'veil:anonymize', text: 'Hi Jan', scope: 'chatgpt.com/c/abc' }, content(9));
  const first = await Promise.race([reply, new Promise((resolve) => setTimeout(() => resolve('blocked'), 200))]);
  assert.notEqual(first, 'blocked', 'the reply waited for storage.session');
  assert.equal(first.result.text, 'Hi [NAME_1]');
  // A second message queues its write behind the first; a reader waits for both.
  await router.handle({ type: 'veil:scope', scope: 'chatgpt.com/c/def' }, content(9, 'https://chatgpt.com/c/def'));
  const state = router.handle({ type: 'veil:tabState', tabId: 9 }, sidePanel);
  for (let i = 0; i < 20 && held.length < 1; i++) await new Promise((r) => setTimeout(r, 5));
  while (held.length) {
    held.shift()();
    for (let i = 0; i < 20 && held.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
  }
  assert.deepEqual((await state).result, { scope: 'chatgpt.com/c/def', site: 'chatgpt.com', hasLatest: false });
  await router.tabsSettled();
  assert.equal(session.data['veil.tabs'][9].scope, 'chatgpt.com/c/def');
  // A closed tab's state goes after the writes queued for it.
  session.set = realSet;
  await router.forgetTab(9);
  assert.equal(session.data['veil.tabs'][9], undefined);
});

test('a content script may not name another site\'s scope, and pages may not anonymize', async () => {
  const { router, host } = setup();
  const r = await router.handle({ type: 'veil:anonymize', text: 'x', scope: 'claude.ai/chat/1' }, content());
  assert.equal(r.error.code, 'forbidden_sender');
  const p = await router.handle({ type: 'veil:anonymize', text: 'x', scope: 'chatgpt.com/c/abc' }, sidePanel);
  assert.equal(p.error.code, 'forbidden_sender');
  const other = await router.handle({ type: 'veil:anonymize', text: 'x', scope: 'evil.example/x' }, content(7, 'https://evil.example/x'));
  assert.equal(other.error.code, 'forbidden_sender');
  assert.equal(host.calls.length, 0);
});

test('host failures come back as error codes, never thrown', async () => {
  const { router, host } = setup();
  host.fail = new VeilError('host_not_installed');
  const r = await router.handle({ type: 'veil:anonymize', text: 'Jan', scope: 'chatgpt.com/c/abc' }, content());
  assert.equal(r.ok, false);
  assert.equal(r.error.code, 'host_not_installed');
  assert.match(r.error.message, /install\.sh/);
});

test('a disabled site gets no anonymization', async () => {
  const { router, sync, host } = setup();
  await sync.set('veil.config', { sites: { chatgpt: false } });
  const cfg = await router.handle({ type: 'veil:contentConfig' }, content());
  assert.deepEqual(cfg.result, { adapter: 'chatgpt', enabled: false, failMode: 'closed', showNotice: true });
  const r = await router.handle({ type: 'veil:anonymize', text: 'Jan', scope: 'chatgpt.com/c/abc' }, content());
  assert.equal(r.error.code, 'disabled');
  assert.equal(host.calls.length, 0);
});

test('draft scope moves to the conversation and the host keeps seeing the draft scope', async () => {
  const { router, host } = setup();
  const draft = newDraftKey('chatgpt.com');
  await router.handle({ type: 'veil:scope', scope: draft }, content(7, 'https://chatgpt.com/'));
  await router.handle({ type: 'veil:anonymize', text: 'Jan', scope: draft }, content(7, 'https://chatgpt.com/'));
  const moved = await router.handle({ type: 'veil:scope', scope: 'chatgpt.com/c/new1', previous: draft }, content(7, 'https://chatgpt.com/c/new1'));
  assert.equal(moved.result.scope, draft);
  await router.handle({ type: 'veil:anonymize', text: 'Jan', scope: 'chatgpt.com/c/new1' }, content(7, 'https://chatgpt.com/c/new1'));
  assert.deepEqual(host.calls.map((c) => c.scope), [draft, draft]);
  const st = await router.handle({ type: 'veil:tabState', tabId: 7 }, sidePanel);
  assert.equal(st.result.scope, draft);
  // A content script cannot link another site's draft.
  const bad = await router.handle({ type: 'veil:scope', scope: 'chatgpt.com/c/z', previous: newDraftKey('claude.ai') }, content());
  assert.equal(bad.error.code, 'forbidden_sender');
});

test('restore token flow: content prepares, the restore frame of the same tab redeems', async () => {
  const { router, host } = setup();
  const prep = await router.handle({ type: 'veil:prepareRestore', text: 'Dear [NAME_1],', scope: 'chatgpt.com/c/abc' }, content(7));
  assert.equal(prep.ok, true);
  const token = prep.result.token;
  assert.match(token, TOKEN_RE);
  assert.deepEqual(Object.keys(prep.result), ['token']);

  // The content script (and so the page) cannot redeem it.
  const fromContent = await router.handle({ type: 'veil:redeemRestore', token }, content(7));
  assert.equal(fromContent.error.code, 'forbidden_sender');
  // A restore frame in another tab cannot either.
  const otherTab = await router.handle({ type: 'veil:redeemRestore', token }, restoreFrame(8));
  assert.equal(otherTab.error.code, 'token_unknown');
  assert.equal(host.calls.length, 0);

  const r = await router.handle({ type: 'veil:redeemRestore', token }, restoreFrame(7));
  assert.equal(r.ok, true);
  assert.equal(r.result.text, 'Dear Jan,');
  assert.deepEqual(host.calls[0], { op: 'restore', text: 'Dear [NAME_1],', scope: 'chatgpt.com/c/abc' });

  // The side panel (no tab) may redeem too, and can restore the tab's latest answer.
  assert.equal((await router.handle({ type: 'veil:redeemRestore', token }, sidePanel)).ok, true);
  const latest = await router.handle({ type: 'veil:restoreLatest', tabId: 7 }, sidePanel);
  assert.equal(latest.result.text, 'Dear Jan,');
});

test('restore tokens expire and unknown or malformed tokens are refused', async () => {
  const { router, clock } = setup();
  const prep = await router.handle({ type: 'veil:prepareRestore', text: '[NAME_1]', scope: 'chatgpt.com/c/abc' }, content(7));
  clock.t += 31 * 60 * 1000;
  assert.equal((await router.handle({ type: 'veil:redeemRestore', token: prep.result.token }, sidePanel)).error.code, 'token_unknown');
  assert.equal((await router.handle({ type: 'veil:redeemRestore', token: 'A'.repeat(43) }, sidePanel)).error.code, 'token_unknown');
  assert.equal((await router.handle({ type: 'veil:redeemRestore', token: '../../x' }, sidePanel)).error.code, 'token_unknown');
});

test('tokens survive a service worker restart through session storage', async () => {
  const session = memoryStorage();
  const a = new TokenStore({ storage: session });
  const token = await a.create({ text: 't', scope: 's', tabId: 1 });
  const b = new TokenStore({ storage: session });
  assert.deepEqual(await b.redeem(token, { tabId: 1 }), { text: 't', scope: 's' });
  const many = new TokenStore({ storage: memoryStorage(), maxTokens: 3 });
  const first = await many.create({ text: '1', scope: 's' });
  for (let i = 0; i < 3; i++) await many.create({ text: 'n', scope: 's' });
  assert.equal(await many.redeem(first), null);
});

test('entries only for extension pages; the allow list un-masks in this conversation only', async () => {
  const { router } = setup();
  assert.equal((await router.handle({ type: 'veil:entries', scope: 'chatgpt.com/c/abc' }, content())).error.code, 'forbidden_sender');
  const e = await router.handle({ type: 'veil:entries', scope: 'chatgpt.com/c/abc' }, sidePanel);
  assert.deepEqual(e.result.entries, [{ placeholder: '[NAME_1]', label: 'PERSON', value: 'Jan' }]);

  await router.handle({ type: 'veil:allow', scope: 'chatgpt.com/c/abc', action: 'add', value: 'jan' }, sidePanel);
  const r = await router.handle({ type: 'veil:anonymize', text: 'Jan and jan@x.nl', scope: 'chatgpt.com/c/abc' }, content());
  assert.equal(r.result.text, 'Jan and [EMAIL_1]');
  assert.deepEqual(r.result.counts, { EMAIL: 1 });
  assert.deepEqual(r.result.entities.map((x) => [x.masked_start, x.masked_end]), [[8, 17]]);
  const other = await router.handle({ type: 'veil:anonymize', text: 'Jan', scope: 'chatgpt.com/c/other' }, content(7, 'https://chatgpt.com/c/other'));
  assert.equal(other.result.text, '[NAME_1]');

  await router.handle({ type: 'veil:allow', scope: 'chatgpt.com/c/abc', action: 'remove', value: 'JAN' }, sidePanel);
  const again = await router.handle({ type: 'veil:anonymize', text: 'Jan', scope: 'chatgpt.com/c/abc' }, content());
  assert.equal(again.result.text, '[NAME_1]');
});

test('forget erases the host scope, its tokens, aliases and allow list', async () => {
  const { router, host, aliases } = setup();
  const draft = newDraftKey('chatgpt.com');
  await router.handle({ type: 'veil:scope', scope: 'chatgpt.com/c/q', previous: draft }, content(7, 'https://chatgpt.com/c/q'));
  const prep = await router.handle({ type: 'veil:prepareRestore', text: '[NAME_1]', scope: 'chatgpt.com/c/q' }, content(7, 'https://chatgpt.com/c/q'));
  const f = await router.handle({ type: 'veil:forget', scope: 'chatgpt.com/c/q' }, sidePanel);
  assert.deepEqual(f.result, { removed: 2 });
  assert.deepEqual(host.calls.at(-1), { op: 'forget', scope: draft });
  assert.equal(await aliases.resolve('chatgpt.com/c/q'), 'chatgpt.com/c/q');
  assert.equal((await router.handle({ type: 'veil:redeemRestore', token: prep.result.token }, sidePanel)).error.code, 'token_unknown');
  assert.equal((await router.handle({ type: 'veil:forget', scope: 'x' }, content())).error.code, 'forbidden_sender');
});

test('policy lock refuses changes to settings, presets and config', async () => {
  const { router, host } = setup({ managed: { LockSettings: true, FailMode: 'closed' } });
  assert.equal((await router.handle({ type: 'veil:settings', action: 'put', settings: {} }, sidePanel)).error.code, 'forbidden_sender');
  assert.equal((await router.handle({ type: 'veil:presets', action: 'put', name: 'x', preset: {} }, sidePanel)).error.code, 'forbidden_sender');
  assert.equal((await router.handle({ type: 'veil:config', action: 'put', config: { failMode: 'open' } }, sidePanel)).error.code, 'forbidden_sender');
  assert.equal((await router.handle({ type: 'veil:settings', action: 'get' }, sidePanel)).ok, true);
  assert.deepEqual(host.calls.map((c) => c.op), ['settings']);
});

// chrome.storage.managed.get() sometimes never settles (Chromium 156, e2e scenario 5 on a
// loaded machine). Every message reads the configuration, so the first paste hung with no
// notice; now the router waits for the policy only until its deadline, then is strict.
test('a policy read that never settles does not block pastes; the stand-in is strict', { timeout: 5000 }, async () => {
  const { router, sync, host } = setup({ getManaged: () => new Promise(() => {}), policyWaitMs: 50 });
  // The user chose fail-open and switched ChatGPT off; the unknown policy might forbid both.
  await sync.set('veil.config', { sites: { chatgpt: false }, failMode: 'open', customSites: ['https://chat.example.com'] });
  const cfg = await router.handle({ type: 'veil:contentConfig' }, content());
  assert.deepEqual(cfg.result, { adapter: 'chatgpt', enabled: true, failMode: 'closed', showNotice: true });
  const r = await router.handle({ type: 'veil:anonymize', text: 'Hi Jan', scope: 'chatgpt.com/c/abc' }, content());
  assert.equal(r.ok, true);
  assert.equal(r.result.text, 'Hi [NAME_1]');
  // Custom sites the user added stay protected.
  const custom = await router.handle({ type: 'veil:contentConfig' }, content(9, 'https://chat.example.com/room'));
  assert.equal(custom.result.adapter, 'generic');
  // Nothing may be changed before the policy is known.
  const put = await router.handle({ type: 'veil:settings', action: 'put', settings: {} }, sidePanel);
  assert.equal(put.error.code, 'forbidden_sender');
  assert.equal(put.error.detail, 'policy not loaded yet');
  assert.equal((await router.handle({ type: 'veil:config', action: 'get' }, sidePanel)).result.config.locked, true);
  assert.deepEqual(host.calls.map((c) => c.op), ['anonymize']);
});

test('a policy read that settles after the deadline is used from then on', { timeout: 5000 }, async () => {
  let answer;
  const read = new Promise((resolve) => { answer = resolve; });
  const { router } = setup({ getManaged: () => read, policyWaitMs: 20 });
  assert.equal((await router.handle({ type: 'veil:contentConfig' }, content())).result.failMode, 'closed');
  answer({ FailMode: 'open', EnabledSites: { chatgpt: false } });
  const cfg = await router.handle({ type: 'veil:contentConfig' }, content());
  assert.deepEqual(cfg.result, { adapter: 'chatgpt', enabled: false, failMode: 'open', showNotice: true });
});

test('config put stores cleaned values and re-registers custom sites', async () => {
  const { router, sync, applied } = setup();
  const r = await router.handle({ type: 'veil:config', action: 'put', config: { customSites: ['https://chat.example.com/x', 'http://insecure.example', 'chat.example.com'], failMode: 'bogus' } }, sidePanel);
  assert.deepEqual(r.result.config.customSites, ['https://chat.example.com']);
  assert.equal(r.result.config.failMode, 'closed');
  assert.deepEqual(applied, [['https://chat.example.com']]);
  assert.deepEqual((await sync.get('veil.config')).customSites, ['https://chat.example.com']);
  // The custom site's content script is now accepted, with the generic adapter.
  const cfg = await router.handle({ type: 'veil:contentConfig' }, content(9, 'https://chat.example.com/room'));
  assert.equal(cfg.result.adapter, 'generic');
});

test('malformed messages are refused', async () => {
  const { router } = setup();
  assert.equal((await router.handle(null, sidePanel)).error.code, 'bad_request');
  assert.equal((await router.handle({ type: 'veil:nope' }, sidePanel)).error.code, 'bad_request');
  assert.equal((await router.handle({ type: 'veil:anonymize', text: 5, scope: 'chatgpt.com/c/abc' }, content())).error.code, 'bad_request');
  assert.equal((await router.handle({ type: 'veil:presets', action: 'drop' }, sidePanel)).error.code, 'bad_request');
});
