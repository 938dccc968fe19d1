// The extension's native client against the real `veil` host over real pipes (Chrome's
// framing: 32-bit little-endian length + UTF-8 JSON). ctest passes the built binary in
// VEIL_BINARY; without it, or while the binary has no host mode, the test is skipped.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { NativeClient } = require('../../extension/lib/native_client.js');

const BINARY = process.env.VEIL_BINARY;
const EXTENSION_ID = fs.readFileSync(path.join(__dirname, '..', '..', 'extension', 'EXTENSION_ID'), 'utf8').trim();

class Listeners {
  constructor() { this.fns = []; }
  addListener(fn) { this.fns.push(fn); }
  fire(...a) { for (const fn of this.fns) fn(...a); }
}

// What chrome.runtime.connectNative does, for Node: start the host with the origin argument
// and exchange length-prefixed JSON frames.
function connectNative(home, state) {
  return () => {
    const child = spawn(BINARY, [`chrome-extension://${EXTENSION_ID}/`], {
      env: { ...process.env, VEIL_HOME: home, VEIL_NO_KEYRING: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    state.stderr = '';
    child.stderr.on('data', (d) => { state.stderr += d; });
    const port = { onMessage: new Listeners(), onDisconnect: new Listeners() };
    let buf = Buffer.alloc(0);
    child.stdout.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      while (buf.length >= 4) {
        const n = buf.readUInt32LE(0);
        if (buf.length < 4 + n) break;
        const msg = JSON.parse(buf.subarray(4, 4 + n).toString('utf8'));
        state.frames.push(n);
        buf = buf.subarray(4 + n);
        port.onMessage.fire(msg);
      }
    });
    child.on('error', () => {});  // spawn failures end in 'exit'/'close' below
    child.on('exit', (code) => {
      state.exitCode = code;
      state.lastError = 'Native host has exited.';
      port.onDisconnect.fire(port);
      state.lastError = undefined;
    });
    port.postMessage = (msg) => {
      const body = Buffer.from(JSON.stringify(msg), 'utf8');
      const head = Buffer.alloc(4);
      head.writeUInt32LE(body.length, 0);
      child.stdin.write(Buffer.concat([head, body]));
    };
    port.disconnect = () => child.stdin.end();
    state.child = child;
    return port;
  };
}

const skip = !BINARY ? 'VEIL_BINARY not set (run through ctest)' : !fs.existsSync(BINARY) ? `${BINARY} not built` : false;

test('native client against the real host', { skip }, async (t) => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'veil-ext-host-'));
  const state = { frames: [] };
  const client = new NativeClient({ connect: connectNative(home, state), getLastError: () => state.lastError, timeoutMs: 60000 });
  t.after(() => {
    client.disconnect();
    fs.rmSync(home, { recursive: true, force: true });
  });

  let hello;
  try {
    hello = await client.request('hello');
  } catch (e) {
    if (/not available in this build/.test(state.stderr || '')) {
      t.skip('this veil build has no host mode yet');
      return;
    }
    throw e;
  }
  assert.equal(hello.protocol, 1);
  assert.equal(typeof hello.version, 'string');

  const scope = 'chatgpt.com/c/ext-integration';
  // Non-BMP characters before the values check that offsets are UTF-16 code units.
  const text = '😀 Dear support, I am Jan Jansen, mail jan.jansen@example.nl, IBAN NL91ABNA0417164300.';
  const a = await client.request('anonymize', { text, scope, site: 'chatgpt.com' });
  assert.ok(a.entities.length >= 2, JSON.stringify(a.counts));
  assert.doesNotMatch(a.text, /jan\.jansen@example\.nl|NL91ABNA0417164300/);
  for (const e of a.entities) {
    assert.equal(a.text.slice(e.masked_start, e.masked_end), e.placeholder);
    assert.ok(text.slice(e.start, e.end).length > 0);
  }
  const email = a.entities.find((e) => e.label === 'EMAIL');
  assert.equal(text.slice(email.start, email.end), 'jan.jansen@example.nl');

  const r = await client.request('restore', { text: `Reply to ${email.placeholder} please.`, scope });
  assert.equal(r.text, 'Reply to jan.jansen@example.nl please.');
  assert.equal(r.placeholders[0].status, 'restored');

  const entries = await client.request('entries', { scope });
  assert.ok(entries.entries.some((e) => e.value === 'jan.jansen@example.nl'));

  // A reply over the chunk size arrives in several frames and is reassembled.
  const big = `${'Lorem ipsum dolor sit amet. '.repeat(40000)}${email.placeholder}`;
  const rb = await client.request('restore', { text: big, scope });
  assert.equal(rb.text.length, big.length - email.placeholder.length + 'jan.jansen@example.nl'.length);
  assert.ok(state.frames.some((n) => n > 700 * 1024) || state.frames.length > 6, 'chunked');
  assert.ok(state.frames.every((n) => n < 1024 * 1024), 'every frame under 1 MiB');

  const f = await client.request('forget', { scope });
  assert.ok(f.removed >= 2);
  const after = await client.request('restore', { text: email.placeholder, scope });
  assert.equal(after.placeholders[0].status, 'unknown');

  // Host error replies carry the stable code.
  await assert.rejects(client.request('no_such_op'), (e) => e.code === 'host_error' && e.hostCode === 204);
});
