// The manifest: stable extension ID from the committed public key, minimal permissions, and
// every file it names present, so the extension stays loadable unpacked.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { EXT } = require('./helpers.js');

const manifest = JSON.parse(fs.readFileSync(path.join(EXT, 'manifest.json'), 'utf8'));

function idFromKey(keyBase64) {
  const der = Buffer.from(keyBase64, 'base64');
  const hex = crypto.createHash('sha256').update(der).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
}

test('EXTENSION_ID is derived from the public key in manifest.json', () => {
  const id = fs.readFileSync(path.join(EXT, 'EXTENSION_ID'), 'utf8');
  assert.match(id, /^[a-p]{32}\n$/);
  assert.equal(idFromKey(manifest.key), id.trim());
});

test('the key is an RSA-2048 public key and no private key is in the extension', () => {
  const key = crypto.createPublicKey({ key: Buffer.from(manifest.key, 'base64'), format: 'der', type: 'spki' });
  assert.equal(key.asymmetricKeyType, 'rsa');
  assert.equal(key.asymmetricKeyDetails.modulusLength, 2048);
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
  for (const file of walk(EXT)) {
    assert.doesNotMatch(path.basename(file), /\.pem$|\.key$/, file);
    if (/\.(png)$/.test(file)) continue;
    assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /PRIVATE KEY/, file);
  }
});

test('permissions are minimal and nothing is externally connectable', () => {
  assert.equal(manifest.manifest_version, 3);
  assert.deepEqual([...manifest.permissions].sort(), ['nativeMessaging', 'scripting', 'sidePanel', 'storage']);
  assert.deepEqual(manifest.host_permissions.sort(), [
    'https://chat.mistral.ai/*', 'https://chat.openai.com/*', 'https://chatgpt.com/*',
    'https://claude.ai/*', 'https://copilot.microsoft.com/*', 'https://gemini.google.com/*',
  ]);
  assert.equal(manifest.externally_connectable, undefined);
  assert.deepEqual(manifest.content_scripts[0].matches.sort(), manifest.host_permissions.sort());
  assert.equal(manifest.content_scripts[0].run_at, 'document_start');
  assert.equal(manifest.content_scripts[0].all_frames, false);
});

test('the restore page is the only web-accessible resource and uses a dynamic URL', () => {
  assert.equal(manifest.web_accessible_resources.length, 1);
  assert.deepEqual(manifest.web_accessible_resources[0].resources, ['restore/restore.html']);
  assert.equal(manifest.web_accessible_resources[0].use_dynamic_url, true);
});

test('every file the manifest and the pages name exists', () => {
  const files = [
    manifest.background.service_worker,
    ...manifest.content_scripts.flatMap((c) => c.js),
    manifest.side_panel.default_path,
    manifest.action.default_popup,
    manifest.options_page,
    manifest.storage.managed_schema,
    ...Object.values(manifest.icons),
    ...manifest.web_accessible_resources.flatMap((w) => w.resources),
  ];
  for (const f of files) assert.ok(fs.existsSync(path.join(EXT, f)), f);
  // Scripts and styles referenced by the HTML pages, and importScripts of the worker.
  const htmlPages = files.filter((f) => f.endsWith('.html'));
  for (const page of htmlPages) {
    const html = fs.readFileSync(path.join(EXT, page), 'utf8');
    for (const m of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
      assert.ok(fs.existsSync(path.join(EXT, path.dirname(page), m[1])), `${page} -> ${m[1]}`);
    }
    assert.doesNotMatch(html, /<script>(?!<\/script>)|on[a-z]+="/, `${page}: inline script (blocked by MV3 CSP)`);
  }
  const sw = fs.readFileSync(path.join(EXT, manifest.background.service_worker), 'utf8');
  const imports = sw.slice(sw.indexOf('importScripts('), sw.indexOf(');', sw.indexOf('importScripts(')));
  for (const m of imports.matchAll(/'([^']+\.js)'/g)) {
    assert.ok(fs.existsSync(path.join(EXT, path.dirname(manifest.background.service_worker), m[1])), m[1]);
  }
});

test('the generic content script registered at run time loads the same files as the manifest', () => {
  const sw = fs.readFileSync(path.join(EXT, manifest.background.service_worker), 'utf8');
  const block = sw.slice(sw.indexOf('CONTENT_FILES = ['), sw.indexOf('];', sw.indexOf('CONTENT_FILES = [')));
  const files = [...block.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  assert.deepEqual(files, manifest.content_scripts[0].js);
});

test('managed_schema.json is a valid object schema', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(EXT, 'managed_schema.json'), 'utf8'));
  assert.equal(schema.type, 'object');
  for (const k of ['EnabledSites', 'CustomSites', 'FailMode', 'Presets', 'DefaultPreset', 'LockSettings']) {
    assert.ok(schema.properties[k], k);
  }
});
