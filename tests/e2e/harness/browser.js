// Launches Debian's Chromium (headless, no sandbox, offline) with the real unpacked extension,
// a fresh profile whose native-messaging manifest is written by the installer's own
// --user-data-dir mode, and the fake sites mapped onto 127.0.0.1. Each launch has its own
// VEIL_HOME (the host inherits it from Chromium); the compiled-rules cache is shared per binary.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { chromium } = require('playwright-core');
const { startServer } = require('./server.js');

const REPO = path.resolve(__dirname, '..', '..', '..');
// VEIL_EXTENSION_DIR: another copy of the extension (e.g. an older commit's, for before/after
// benchmarks in the same conditions); the e2e tests use the working tree's.
const EXTENSION_DIR = process.env.VEIL_EXTENSION_DIR ? path.resolve(process.env.VEIL_EXTENSION_DIR) : path.join(REPO, 'extension');
const ARTIFACTS = process.env.VEIL_E2E_ARTIFACTS || path.join(REPO, 'artifacts', 'e2e');
const CHROMIUM = process.env.VEIL_CHROMIUM || '/usr/bin/chromium';

function veilBinary() {
  const bin = process.env.VEIL_BINARY;
  if (bin && fs.existsSync(bin)) return path.resolve(bin);
  for (const dir of ['build-test', 'build-inst', 'build-release', 'build']) {
    const p = path.join(REPO, dir, 'native_host', 'veil');
    if (fs.existsSync(p)) return p;
  }
  throw new Error('no veil binary: set VEIL_BINARY to the built native_host/veil');
}

function expectedExtensionId() {
  return fs.readFileSync(path.join(EXTENSION_DIR, 'EXTENSION_ID'), 'utf8').trim();
}

// Writes UDD/NativeMessagingHosts/com.veil.host.json through installer/install.sh.
function installManifest(udd, hostPath) {
  execFileSync(path.join(REPO, 'installer', 'install.sh'),
    ['--manifest-only', '--user-data-dir', udd, '--host-path', hostPath], { stdio: 'pipe' });
  const file = path.join(udd, 'NativeMessagingHosts', 'com.veil.host.json');
  if (!fs.existsSync(file)) throw new Error(`the installer wrote no manifest at ${file}`);
  return file;
}

// The rules directory the host will load (native_host/src/rules/loader.cpp): VEIL_RULES_DIR,
// an installed tree next to the binary, else the source tree's shared_rules.
function rulesDir(hostPath) {
  if (process.env.VEIL_RULES_DIR) return path.resolve(process.env.VEIL_RULES_DIR);
  const installed = path.join(path.dirname(path.dirname(hostPath)), 'lib', 'veil', 'rules');
  if (fs.existsSync(path.join(installed, 'entities'))) return installed;
  return path.join(REPO, 'shared_rules');
}

// Names, sizes and mtimes of every file under dir: changes when any rule file changes.
function treeFingerprint(dir) {
  const hash = require('node:crypto').createHash('sha256');
  const walk = (d) => {
    let entries;
    try { entries = fs.readdirSync(d, { withFileTypes: true }); } catch { return; }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const st = fs.statSync(p);
        hash.update(`${path.relative(dir, p)}\0${st.size}\0${st.mtimeMs}\0`);
      }
    }
  };
  walk(dir);
  return hash.digest('hex');
}

// The host compiles its rules into VEIL_CACHE_DIR on first use: measured 26-29 s for the
// sanitizer build on the loaded 2-core machine, against 1 s with a warm cache. An installed
// host has a warm cache after its first start, so every run of one binary and one rules tree
// shares one cache (keyed by the binary's path, size and mtime and by the rules files: a
// rules edit without a rebuild would otherwise make the first paste compile for ~30 s),
// warmed once here with `veil scan` before the browser starts; each run still has its own
// empty VEIL_HOME (vault).
function warmRulesCache(hostPath) {
  const st = fs.statSync(hostPath);
  const rules = rulesDir(hostPath);
  const key = require('node:crypto').createHash('sha256')
    .update(`${hostPath}\0${st.size}\0${st.mtimeMs}\0${rules}\0${treeFingerprint(rules)}`).digest('hex').slice(0, 16);
  const dir = path.join(os.tmpdir(), `veil-e2e-rules-cache-${key}`);
  const done = path.join(dir, '.warm');
  if (fs.existsSync(done)) return dir;
  fs.mkdirSync(dir, { recursive: true });
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'veil-e2e-warm-'));
  try {
    execFileSync(hostPath, ['scan'], {
      input: 'warm-up a@example.com\n',
      stdio: ['pipe', 'ignore', 'pipe'],
      timeout: 180000,
      env: { ...process.env, VEIL_HOME: home, VEIL_CACHE_DIR: dir, ASAN_OPTIONS: process.env.ASAN_OPTIONS || 'detect_leaks=0' },
    });
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
  fs.writeFileSync(done, '');
  return dir;
}

// opts.manifest (default true): write the host manifest; opts.name: for temp folder names.
async function launch(opts = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `veil-e2e-${opts.name || 'run'}-`));
  const udd = path.join(tmp, 'profile');
  const veilHome = path.join(tmp, 'veil-home');
  fs.mkdirSync(udd, { recursive: true });
  const hostPath = veilBinary();
  const veilCache = warmRulesCache(hostPath);
  if (opts.manifest !== false) installManifest(udd, hostPath);

  const server = await startServer(tmp);
  const rules = server.hosts.map((h) => `MAP ${h}:443 127.0.0.1:${server.port}`).join(', ');
  const env = {
    ...process.env,
    VEIL_HOME: veilHome,
    VEIL_CACHE_DIR: veilCache,
    // The sanitizer build must not turn a leak report at exit into noise for the browser.
    ASAN_OPTIONS: process.env.ASAN_OPTIONS || 'detect_leaks=0',
  };
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: CHROMIUM,
    headless: true,
    env,
    viewport: { width: 1100, height: 800 },
    ignoreHTTPSErrors: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      '--ignore-certificate-errors',
      `--host-resolver-rules=${rules}, EXCLUDE localhost`,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  let sw = ctx.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!sw) sw = await ctx.waitForEvent('serviceworker', { timeout: 20000 });
  const extId = new URL(sw.url()).host;
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://clip.veil.test' });

  const run = {
    tmp, udd, veilHome, veilCache, hostPath, ctx, sw, extId, server, env,
    async close() {
      await ctx.close().catch(() => {});
      await server.close().catch(() => {});
      if (!process.env.VEIL_E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
  return run;
}

// Puts text on the clipboard from a separate helper origin (so the chat page never runs the
// code that holds the original).
async function setClipboard(run, text) {
  const helper = await run.ctx.newPage();
  await helper.goto('https://clip.veil.test/');
  await helper.bringToFront();
  await helper.evaluate((t) => navigator.clipboard.writeText(t), text);
  await helper.close();
}

// Brings the chat page to the front and clicks into its composer, as a user would.
async function focusComposer(page, composerSelector) {
  await page.bringToFront();
  await page.click(composerSelector);
}

// setClipboard, then Ctrl+V into the focused composer.
async function paste(run, page, composerSelector, text) {
  await setClipboard(run, text);
  await focusComposer(page, composerSelector);
  await page.keyboard.press('Control+V');
}

// Text inside closed shadow roots (Veil's notice and Restore UI): the page cannot read it,
// but the DevTools protocol can.
async function closedShadowText(page, hostTag) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const out = [];
    const collect = (node, acc) => {
      if (node.nodeType === 3) acc.push(node.nodeValue);
      if (node.localName === 'style' || node.localName === 'script') return;
      for (const c of node.children || []) collect(c, acc);
      for (const s of node.shadowRoots || []) collect(s, acc);
    };
    const walk = (node) => {
      if (node.localName === hostTag) {
        const acc = [];
        for (const s of node.shadowRoots || []) collect(s, acc);
        out.push(acc.join(' '));
      }
      for (const c of node.children || []) walk(c);
      for (const s of node.shadowRoots || []) walk(s);
      if (node.contentDocument) walk(node.contentDocument);
    };
    walk(root);
    return out;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

// Everything the page and the server recorded, for leak assertions.
async function recorded(run, pages) {
  const items = [];
  for (const p of pages) {
    if (p.isClosed()) continue;
    const log = await p.evaluate(() => (window.__nosy ? window.__nosy.dump() : [])).catch(() => []);
    for (const e of log) items.push({ where: `page ${p.url()}`, kind: e.kind, text: e.text });
    const html = await p.evaluate(() => document.documentElement.outerHTML).catch(() => '');
    items.push({ where: `page ${p.url()}`, kind: 'final-dom', text: html });
  }
  for (const r of run.server.state.requests) {
    items.push({ where: `server ${r.host}`, kind: `request ${r.method} ${r.path}`, text: `${r.url}\n${r.body}` });
  }
  return items;
}

// Fails with the first recorded item that contains any of the original values (the message
// names the kind of record, never the value, so logs stay clean too).
function assertNoLeak(items, values) {
  const leaks = [];
  for (const v of values) {
    for (const it of items) {
      if (it.text && it.text.includes(v)) {
        leaks.push(`value #${values.indexOf(v)} seen by ${it.where} (${it.kind})`);
        break;
      }
    }
  }
  if (leaks.length) throw new Error(`the page saw original values:\n  ${leaks.join('\n  ')}`);
  return items.length;
}

async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  // Viewport only: a full-page capture resizes the page and headless Chromium then paints
  // out-of-process frames (Veil's restore frame) blank, so the picture lied about what the
  // user sees.
  await page.screenshot({ path: file });
  return file;
}

// The veil host processes started for this run (their environment names our VEIL_HOME).
function hostPids(run) {
  const pids = [];
  const real = fs.realpathSync(run.hostPath);
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (fs.readlinkSync(`/proc/${d}/exe`) !== real) continue;
      const env = fs.readFileSync(`/proc/${d}/environ`, 'utf8').split('\0');
      if (env.includes(`VEIL_HOME=${run.veilHome}`)) pids.push(Number(d));
    } catch { /* gone or not ours */ }
  }
  return pids;
}

async function waitFor(fn, { timeout = 15000, interval = 100, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
}

module.exports = {
  REPO, EXTENSION_DIR, ARTIFACTS, launch, setClipboard, focusComposer, paste, closedShadowText, recorded, assertNoLeak, screenshot, hostPids,
  waitFor, expectedExtensionId, veilBinary, installManifest,
};
