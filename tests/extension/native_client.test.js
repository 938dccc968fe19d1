// The native port: lazy connection, ids, timeouts, chunk reassembly, and Chrome's disconnect
// reasons mapped to codes the UI explains; the next request after a disconnect reconnects.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { NativeClient, wellFormed } = require('../../extension/lib/native_client.js');
const { ChunkAssembler } = require('../../extension/lib/chunks.js');
const errors = require('../../extension/lib/errors.js');
const { fakeNative } = require('./helpers.js');

function okReply(port, msg, result) {
  port.reply({ v: 1, id: msg.id, ok: true, result });
}

test('connects lazily to com.veil.host, once, and sends the v1 envelope', async () => {
  const env = fakeNative((port, msg) => okReply(port, msg, { echo: msg.op }));
  const client = new NativeClient({ connect: env.connect, getLastError: env.getLastError });
  assert.equal(env.ports.length, 0);
  const [a, b] = await Promise.all([client.request('hello'), client.request('stats')]);
  assert.deepEqual(a, { echo: 'hello' });
  assert.deepEqual(b, { echo: 'stats' });
  assert.equal(env.ports.length, 1);
  assert.equal(env.hostName, 'com.veil.host');
  const [m1, m2] = env.ports[0].posted;
  assert.equal(m1.v, 1);
  assert.equal(m1.op, 'hello');
  assert.notEqual(m1.id, m2.id);
});

test('replies are matched by id, whatever their order', async () => {
  const env = fakeNative();
  const client = new NativeClient({ connect: env.connect, getLastError: env.getLastError });
  const p1 = client.request('scan', { text: 'a' });
  const p2 = client.request('scan', { text: 'b' });
  const [m1, m2] = env.ports[0].posted;
  okReply(env.ports[0], m2, { which: 2 });
  okReply(env.ports[0], m1, { which: 1 });
  assert.deepEqual(await p1, { which: 1 });
  assert.deepEqual(await p2, { which: 2 });
});

test('a host error reply rejects with the host code and name', async () => {
  const env = fakeNative((port, msg) => port.reply({ v: 1, id: msg.id, ok: false, error: { code: 302, name: 'preset_invalid', message: 'custom_rules[0].pattern: bad' } }));
  const client = new NativeClient({ connect: env.connect, getLastError: env.getLastError });
  await assert.rejects(client.request('presets', { action: 'put' }), (e) => {
    assert.equal(e.code, 'host_error');
    assert.equal(e.hostCode, 302);
    assert.equal(e.hostName, 'preset_invalid');
    assert.equal(e.detail, 'custom_rules[0].pattern: bad');
    assert.deepEqual(errors.toWire(e), { code: 'host_error', message: errors.MESSAGES.host_error, hostCode: 302, hostName: 'preset_invalid', detail: 'custom_rules[0].pattern: bad' });
    return true;
  });
});

for (const [lastError, code, words] of [
  ['Specified native messaging host not found.', 'host_not_installed', /install\.sh/],
  ['Access to the specified native messaging host is forbidden.', 'host_forbidden', /Re-run the installer/],
  ['Native host has exited.', 'host_crashed', /Try again/],
  ['Error when communicating with the native messaging host.', 'host_protocol', /Try again/],
  [undefined, 'host_disconnected', /Try again/],
]) {
  test(`disconnect "${lastError}" fails every pending request with ${code}, and the next request reconnects`, async () => {
    const env = fakeNative();
    const client = new NativeClient({ connect: env.connect, getLastError: env.getLastError });
    const pending = [client.request('anonymize', { text: 'x', scope: 's' }), client.request('hello')];
    env.ports[0].crash(lastError);
    for (const p of pending) {
      await assert.rejects(p, (e) => e instanceof errors.VeilError && e.code === code && words.test(e.message));
    }
    assert.equal(client.connected, false);
    assert.equal(client.lastDisconnect.code, code);
    env.autoReply = (port, msg) => okReply(port, msg, { again: true });
    assert.deepEqual(await client.request('hello'), { again: true });
    assert.equal(env.ports.length, 2);
  });
}

test('a request times out, and a late reply is ignored', async () => {
  const env = fakeNative();
  const client = new NativeClient({ connect: env.connect, getLastError: env.getLastError, timeoutMs: 20 });
  const p = client.request('hello');
  await assert.rejects(p, (e) => e.code === 'timeout');
  okReply(env.ports[0], env.ports[0].posted[0], { late: true });
  assert.equal(client.pending.size, 0);
});

test('a disconnect of an old port does not touch the new one', async () => {
  const env = fakeNative();
  const client = new NativeClient({ connect: env.connect, getLastError: env.getLastError });
  const p1 = client.request('hello');
  env.ports[0].crash('Native host has exited.');
  await assert.rejects(p1);
  const p2 = client.request('hello');
  env.ports[0].onDisconnect.fire(env.ports[0]);
  okReply(env.ports[1], env.ports[1].posted[0], { fine: 1 });
  assert.deepEqual(await p2, { fine: 1 });
});

test('chunked replies are reassembled in seq order', async () => {
  const env = fakeNative();
  const client = new NativeClient({ connect: env.connect, getLastError: env.getLastError });
  const p = client.request('restore', { text: 't', scope: 's' });
  const id = env.ports[0].posted[0].id;
  const big = 'é'.repeat(5000);
  const reply = JSON.stringify({ v: 1, id, ok: true, result: { text: big, placeholders: [] } });
  const parts = [reply.slice(0, 100), reply.slice(100, 7000), reply.slice(7000)];
  env.ports[0].reply({ v: 1, id, chunk: { seq: 2, last: true, data: parts[2] } });
  env.ports[0].reply({ v: 1, id, chunk: { seq: 0, last: false, data: parts[0] } });
  assert.equal(client.pending.size, 1);
  env.ports[0].reply({ v: 1, id, chunk: { seq: 1, last: false, data: parts[1] } });
  const r = await p;
  assert.equal(r.text, big);
});

test('a malformed chunk sequence fails that request only', async () => {
  const env = fakeNative();
  const client = new NativeClient({ connect: env.connect, getLastError: env.getLastError });
  const p = client.request('restore', {});
  const q = client.request('hello', {});
  const [m1, m2] = env.ports[0].posted;
  env.ports[0].reply({ v: 1, id: m1.id, chunk: { seq: 0, last: false, data: '{"ok":' } });
  env.ports[0].reply({ v: 1, id: m1.id, chunk: { seq: 0, last: true, data: 'true}' } });
  await assert.rejects(p, (e) => e.code === 'bad_reply');
  okReply(env.ports[0], m2, {});
  assert.deepEqual(await q, {});
});

test('ChunkAssembler rejects gaps, duplicates and oversize', () => {
  const a = new ChunkAssembler({ maxChars: 10 });
  assert.deepEqual(a.accept(1, { seq: 0, last: false, data: '{"a"' }), { done: false });
  assert.deepEqual(a.accept(1, { seq: 1, last: true, data: ':1}' }), { done: true, reply: { a: 1 } });
  assert.equal(a.accept(2, { seq: 1, last: true, data: '{}' }).done, false);
  assert.equal(a.accept(2, { seq: 1, last: false, data: '{}' }).error, 'inconsistent chunk sequence');
  assert.equal(a.accept(3, { seq: 0, last: false, data: 'x'.repeat(11) }).error, 'chunked reply too large');
  assert.equal(a.accept(4, { seq: -1, last: true, data: '' }).error, 'malformed chunk');
  assert.equal(a.accept(5, { seq: 0, last: true, data: 'not json' }).error, 'chunked reply is not JSON');
  assert.equal(a.pending.size, 0);
});

test('text is sent well-formed (no lone surrogates)', async () => {
  const env = fakeNative((port, msg) => okReply(port, msg, {}));
  const client = new NativeClient({ connect: env.connect, getLastError: env.getLastError });
  await client.request('anonymize', { text: 'a\uD800b\uDC00c😀', scope: 's' });
  assert.equal(env.ports[0].posted[0].text, 'a\uFFFDb\uFFFDc😀');
  assert.equal(wellFormed('ok'), 'ok');
});

test('codeForLastError maps only the exact Chrome texts', () => {
  assert.equal(errors.codeForLastError('Specified native messaging host not found.'), 'host_not_installed');
  assert.equal(errors.codeForLastError('something else'), 'host_disconnected');
  assert.equal(errors.messageKey('nope'), 'err_host_error');
  assert.equal(errors.messageKey('timeout'), 'err_timeout');
});

test('default timers work where setTimeout refuses a foreign receiver (as in browsers)', async () => {
  const real = globalThis.setTimeout;
  globalThis.setTimeout = function strictSetTimeout(fn, ms) {
    if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation');
    return real(fn, ms);
  };
  try {
    const env = fakeNative((port, msg) => okReply(port, msg, { fine: true }));
    const client = new NativeClient({ connect: env.connect, getLastError: env.getLastError });
    assert.deepEqual(await client.request('hello'), { fine: true });
  } finally {
    globalThis.setTimeout = real;
  }
});
