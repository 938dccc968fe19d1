#!/usr/bin/env node
// Paste-to-inserted latency in real Chromium (issue 8): an agent presses Ctrl+V with a ~5 KB
// customer email on the clipboard; how long until the masked text is in the ProseMirror
// composer? Reuses the e2e harness (headless Debian Chromium, the real unpacked extension,
// the real `veil` host, the fake chatgpt.com page) and measures inside the page with
// performance.now(): from the Ctrl+V keydown event's timestamp (when the browser created the
// keystroke, before the extension or the page ran any code for it) to the MutationObserver
// callback in which the composer holds the masked text (see timedPaste in
// tests/e2e/harness/chat.js). Prints numbers; it asserts nothing about time.
//
//   node bench/paste_latency.js [--pastes 50] [--warmup 3] [--json] [--breakdown]
//
// --breakdown also splits each paste into stages: it wraps chrome.runtime.connectNative in the
// service worker (to stamp the anonymize request going to the host and its reply) and listens
// for the extension's insert reaching the page (the `input` event of execCommand, or the
// synthetic paste event it hands ProseMirror). The hooks cost a little, so the headline numbers
// come from runs without it.
//
// VEIL_EXTENSION_DIR=/path/to/extension runs another copy of the extension (e.g. an older
// commit's, from `git archive`) for before/after numbers on the same binary and machine.
//
// The binary: VEIL_BINARY if set, else a Release build (build-bench-rel, build), else the
// sanitizer build of the tests (build-test). Which one was used is printed.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const REPO = path.resolve(__dirname, '..');

function args(argv) {
  const out = { pastes: 50, warmup: 3, json: false, breakdown: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--pastes') out.pastes = Number(argv[++i]);
    else if (a === '--warmup') out.warmup = Number(argv[++i]);
    else if (a === '--json') out.json = true;
    else if (a === '--breakdown') out.breakdown = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!(out.pastes > 0) || !(out.warmup >= 0)) throw new Error('--pastes must be > 0, --warmup >= 0');
  return out;
}

function pickBinary() {
  if (process.env.VEIL_BINARY) return { path: path.resolve(process.env.VEIL_BINARY), from: 'VEIL_BINARY' };
  for (const dir of ['build-bench-rel', 'build']) {
    const p = path.join(REPO, dir, 'native_host', 'veil');
    if (fs.existsSync(p)) return { path: p, from: dir };
  }
  const p = path.join(REPO, 'build-test', 'native_host', 'veil');
  if (fs.existsSync(p)) return { path: p, from: 'build-test' };
  throw new Error('no veil binary: build one or set VEIL_BINARY');
}

// What kind of build the binary is: sanitizers linked in, and the CMake build type if the
// binary sits in a CMake build directory.
function describeBinary(bin) {
  let sanitized = false;
  try {
    const syms = execFileSync('nm', ['-D', bin], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
    sanitized = /\b__asan_init\b/.test(syms);
  } catch { /* nm missing: fall back to the cache file */ }
  let buildType = 'unknown';
  try {
    const cache = fs.readFileSync(path.join(path.dirname(bin), '..', 'CMakeCache.txt'), 'utf8');
    const m = cache.match(/^CMAKE_BUILD_TYPE:\w+=(.*)$/m);
    if (m) buildType = m[1] || 'none';
    if (/^VEIL_SANITIZE:\w+=ON$/m.test(cache)) sanitized = true;
  } catch { /* not in a build tree */ }
  return `${buildType}${sanitized ? ', ASan+UBSan' : ', no sanitizers'}`;
}

// --- Customer emails -----------------------------------------------------------------------

// splitmix-style 32-bit generator: the same emails on every run.
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Sanne', 'Daan', 'Emma', 'Lars', 'Fleur', 'Bram', 'Lotte', 'Thijs', 'Noor', 'Ruben', 'Julia', 'Sem'];
const LAST = ['de Vries', 'Jansen', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Bos'];
const STREETS = ['Kerkstraat', 'Dorpsstraat', 'Molenweg', 'Stationsplein', 'Lindelaan', 'Prinsengracht'];
const CITIES = [['Utrecht', '3511'], ['Amsterdam', '1016'], ['Rotterdam', '3012'], ['Haarlem', '2011'], ['Zwolle', '8011']];
const BANKS = ['ABNA', 'RABO', 'INGB', 'TRIO', 'SNSB'];

// A Dutch IBAN with a valid mod-97 check (the bank code is letters, the account 10 digits).
function dutchIban(r) {
  const bank = BANKS[Math.floor(r() * BANKS.length)];
  let account = '';
  for (let i = 0; i < 10; i++) account += Math.floor(r() * 10);
  const digits = `${bank}${account}NL00`.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  let rem = 0;
  for (const d of digits) rem = (rem * 10 + Number(d)) % 97;
  return `NL${String(98 - rem).padStart(2, '0')}${bank}${account}`;
}

function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}

function digits(r, n) {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(r() * 10);
  return s;
}

// One realistic complaint email, Dutch with an English forward, ~5 KB. Returns the text and
// the personal values planted in it (for the no-original check).
function customerEmail(seed) {
  const r = rng(seed);
  const first = pick(r, FIRST);
  const last = pick(r, LAST);
  const name = `${first} ${last}`;
  const email = `${first.toLowerCase()}.${last.toLowerCase().replace(/ /g, '')}@example.nl`;
  // Dutch mobile numbers are 06-1 to 06-5 (06-0... is not a number, and the host knows it).
  const mobile = () => `${1 + Math.floor(r() * 5)}${digits(r, 7)}`;
  const phone = `06 ${mobile()}`;
  const intl = `+31 6 ${mobile()}`;
  const iban = dutchIban(r);
  const [city, pc] = pick(r, CITIES);
  const street = `${pick(r, STREETS)} ${1 + Math.floor(r() * 180)}`;
  const postal = `${pc} ${String.fromCharCode(65 + Math.floor(r() * 26))}${String.fromCharCode(65 + Math.floor(r() * 26))}`;
  const agent = `${pick(r, FIRST)} ${pick(r, LAST)}`;
  const agentMail = `${agent.split(' ')[0].toLowerCase()}@support.example.com`;
  const partner = `${pick(r, FIRST)} ${pick(r, LAST)}`;
  const order = `${digits(r, 8)}`;
  const lines = [
    `From: ${name} <${email}>`,
    `To: Klantenservice <${agentMail}>`,
    `Subject: Re: Bestelling ${order} - nog steeds niet geleverd / refund request`,
    '',
    'Beste klantenservice,',
    '',
    `Mijn naam is ${name} en ik schrijf u voor de derde keer over mijn bestelling ${order}, geplaatst op`,
    'zaterdag 4 oktober. Volgens de bevestigingsmail zou het pakket binnen twee werkdagen bezorgd worden, maar',
    'ik heb tot op vandaag niets ontvangen. De track & trace code geeft al twee weken dezelfde status',
    '("in sorteercentrum") en de bezorger heeft volgens mijn buren ook niet aangebeld.',
    '',
    `Mijn adres is ${street}, ${postal} ${city}. Dat adres staat ook correct in mijn account, dus`,
    'ik begrijp niet waar het misgaat. Ik heb het pakket nodig voor de verjaardag van mijn dochter en die is',
    'inmiddels voorbij. Eerlijk gezegd ben ik erg teleurgesteld over hoe dit is gelopen.',
    '',
    `Ik heb vorige week al gebeld en gesproken met uw collega ${agent}. Hij beloofde mij terug te bellen op`,
    `${phone}, maar dat is niet gebeurd. Overdag ben ik beter bereikbaar op mijn werknummer ${intl}.`,
    `U kunt mij ook mailen op ${email}; die mailbox lees ik dagelijks.`,
    '',
    'Mijn verzoek is als volgt:',
    '1. Annuleer de bestelling als het pakket niet uiterlijk vrijdag bezorgd kan worden.',
    `2. Stort het volledige bedrag van EUR 184,95 terug op rekening ${iban} ten name van ${name}.`,
    '3. Bevestig de terugbetaling per e-mail, met het nummer van de creditnota.',
    '',
    'Mocht het pakket toch nog opduiken, dan mag de bezorger het afgeven bij mijn buurvrouw',
    `${partner} op nummer ${1 + Math.floor(r() * 180)}; zij is bijna altijd thuis.`,
    '',
    'Ik hoop dat u dit nu snel oppakt. Ik ben al jaren klant en heb tot nu toe altijd goede ervaringen',
    'gehad, maar als ik deze week niets hoor, dien ik een klacht in bij de Geschillencommissie en zal ik',
    'mijn creditcardmaatschappij vragen de betaling terug te draaien.',
    '',
    'Met vriendelijke groet,',
    name,
    `${street}`,
    `${postal} ${city}`,
    `Tel. ${phone}`,
    '',
    '-----Original Message-----',
    `From: ${agent} <${agentMail}>`,
    `Sent: Monday, 13 October 09:12`,
    `To: ${name} <${email}>`,
    `Subject: RE: Bestelling ${order}`,
    '',
    `Dear ${first},`,
    '',
    'Thank you for contacting us and for your patience. I am sorry to hear that your order has not',
    'arrived yet. I have checked the shipment with our carrier and it appears that the parcel was',
    'scanned at the regional depot but not loaded onto a delivery van. I have opened an investigation',
    'with the carrier, which usually takes three to five working days.',
    '',
    'To process a refund if the parcel cannot be found, I need you to confirm the account holder',
    'name and the IBAN the refund should be paid to. Please also confirm your delivery address and a',
    'phone number where the driver can reach you. For your security, never send us your card number',
    'or your online banking codes.',
    '',
    'I will call you back as soon as I hear from the carrier. In the meantime you can reply to this',
    'email or call our service line on working days between 8:00 and 20:00.',
    '',
    'Kind regards,',
    agent,
    'Customer Service',
    '',
    '-----Original Message-----',
    `From: ${name} <${email}>`,
    'Sent: Saturday, 11 October 16:40',
    `Subject: Bestelling ${order}`,
    '',
    'Hallo,',
    '',
    `Waar blijft mijn bestelling ${order}? Ik heb al vijf keer de status bekeken. Bel me alstublieft terug`,
    `op ${phone}. Mijn adres is ${street}, ${postal} ${city}, voor het geval dat niet goed is`,
    'doorgekomen. Als het pakket zoek is wil ik mijn geld terug.',
    '',
    'Groet,',
    first,
  ];
  let text = lines.join('\n');
  // Pad with neutral prose to ~5 KB (about 5,000 characters; the text is nearly all ASCII).
  const filler = 'PS: Ik heb de bevestigingsmail en de schermafbeeldingen van de track & trace pagina bewaard en kan ze '
    + 'op verzoek doorsturen. ';
  while (text.length < 4900) text += `\n${filler}`;
  return { text, values: [name, email, phone, intl, iban, `${street}, ${postal}`, agentMail, partner] };
}

// --- Measurement ---------------------------------------------------------------------------

// Wall-clock stamps (performance.timeOrigin + now(), comparable across the worker and page).
async function hookWorker(run) {
  await run.sw.evaluate(() => {
    const wall = () => performance.timeOrigin + performance.now();
    self.__veilBench = [];
    const connect = chrome.runtime.connectNative.bind(chrome.runtime);
    chrome.runtime.connectNative = (name) => {
      const port = connect(name);
      const post = port.postMessage.bind(port);
      port.postMessage = (m) => { if (m.op === 'anonymize') self.__veilBench.push({ ev: 'post', t: wall() }); return post(m); };
      port.onMessage.addListener(() => self.__veilBench.push({ ev: 'reply', t: wall() }));
      return port;
    };
    chrome.runtime.onMessage.addListener((msg) => {
      if (msg && msg.type === 'veil:anonymize') self.__veilBench.push({ ev: 'message', t: wall() });
    });
  });
}

// The insert is done when the page gets the extension's insert: the `input` event of
// execCommand('insertText') (capture phase: before the editor's own input handling), or, when
// the extension hands the editor a synthetic paste, that untrusted paste event at the end of
// its bubble phase (after the editor's handler on the composer has applied it).
async function resetStamps(run, chat) {
  await run.sw.evaluate(() => { self.__veilBench.length = 0; });
  await chat.page.evaluate(() => {
    window.__veilBenchInput = null;
    window.__veilBenchHow = null;
    if (window.__veilBenchHooked) return;
    window.__veilBenchHooked = true;
    const stamp = (how) => {
      if (window.__veilBenchInput !== null) return;
      window.__veilBenchInput = performance.now();
      window.__veilBenchHow = how;
    };
    window.addEventListener('input', () => stamp('execCommand'), true);
    window.addEventListener('paste', (e) => { if (!e.isTrusted) stamp('paste event'); }, false);
  });
}

async function stamps(run, chat, r) {
  const sw = await run.sw.evaluate(() => self.__veilBench.slice());
  const page = await chat.page.evaluate(() => ({ origin: performance.timeOrigin, input: window.__veilBenchInput, how: window.__veilBenchHow, keydown: window.__veilTimedPaste.keydown }));
  const key = page.origin + page.keydown;
  const at = (ev) => { const e = sw.find((x) => x.ev === ev); return e ? e.t - key : NaN; };
  const input = page.input - page.keydown;
  return {
    how: page.how,
    ms: {
      'keydown -> worker has the message': at('message'),
      'worker -> request to host': at('post') - at('message'),
      'host round trip': at('reply') - at('post'),
      'host reply -> insert done (worker, IPC, the insert)': input - at('reply'),
      'insert done -> observer sees the text': r.ms - input,
    },
  };
}

function percentile(sorted, p) {
  // Nearest rank.
  const i = Math.max(0, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.min(i, sorted.length - 1)];
}

function summary(samples) {
  const s = samples.slice().sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return { n: s.length, min: s[0], p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1], mean };
}

const fmt = (x) => x.toFixed(1);

async function main() {
  const opt = args(process.argv.slice(2));
  const bin = pickBinary();
  const kind = describeBinary(bin.path);
  process.env.VEIL_BINARY = bin.path;
  process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
  const h = require('../tests/e2e/harness/browser.js');
  const c = require('../tests/e2e/harness/chat.js');

  console.log(`binary: ${bin.path} (${bin.from}; ${kind})`);
  console.log(`extension: ${h.EXTENSION_DIR}`);
  if (process.env.VEIL_RULES_DIR) console.log(`rules: VEIL_RULES_DIR=${process.env.VEIL_RULES_DIR}`);
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);

  const run = await h.launch({ name: 'paste-latency' });
  const rows = [];
  try {
    if (opt.breakdown) await hookWorker(run);
    const chat = await c.openChat(run, 'chatgpt', 'paste-latency');
    const total = opt.warmup + opt.pastes;
    for (let i = 0; i < total; i++) {
      const mail = customerEmail(1000 + i);
      await c.clearComposer(chat);
      if (opt.breakdown) await resetStamps(run, chat);
      const r = await c.timedPaste(run, chat, mail.text);
      const stages = opt.breakdown ? await stamps(run, chat, r) : null;
      // The measurement only counts if the whole masked text arrived. Values the host did not
      // recognise (a detection matter, not latency) are counted and reported, not hidden.
      if (!/Groet,/.test(r.text) || c.placeholdersIn(r.text).length < 5) throw new Error(`paste #${i}: composer incomplete`);
      const missed = mail.values.filter((v) => v.split(', ').some((part) => r.text.includes(part))).length;
      rows.push({ i, warmup: i < opt.warmup, bytes: Buffer.byteLength(mail.text), missed, values: mail.values.length, stages, ...r, text: undefined });
    }
  } finally {
    await run.close();
  }

  const measured = rows.filter((r) => !r.warmup);
  const fromKey = summary(measured.map((r) => r.ms));
  const fromCall = summary(measured.map((r) => r.fromPressMs));
  const bytes = summary(measured.map((r) => r.bytes));
  const out = {
    binary: bin.path, binaryKind: kind, chromium: run.ctx.browser() ? run.ctx.browser().version() : 'chromium',
    pastes: opt.pastes, warmup: opt.warmup, bytesMin: bytes.min, bytesMax: bytes.max,
    first: rows[0] ? { ms: rows[0].ms, placeholders: rows[0].placeholders } : null,
    keydownToMasked: fromKey, pressCallToMasked: fromCall, keydownToEditorState: summary(measured.map((r) => r.stateMs)),
    loadavg: os.loadavg(),
  };
  if (opt.json) {
    console.log(JSON.stringify({ ...out, samples: measured.map((r) => r.ms) }, null, 2));
    return;
  }
  console.log(`emails: ${bytes.min}-${bytes.max} bytes, ${opt.warmup} warm-up + ${opt.pastes} measured pastes`);
  const missed = measured.reduce((a, r) => a + r.missed, 0);
  console.log(`planted values left unmasked by the host: ${missed} of ${measured.reduce((a, r) => a + r.values, 0)}`);
  if (out.first) console.log(`first paste (host started by it): ${fmt(out.first.ms)} ms`);
  const line = (label, s) => console.log(`${label}: p50 ${fmt(s.p50)} ms, p95 ${fmt(s.p95)} ms, min ${fmt(s.min)}, max ${fmt(s.max)}, mean ${fmt(s.mean)} (n=${s.n})`);
  line('Ctrl+V keydown -> masked text in composer', fromKey);
  line('before keyboard.press() -> masked text in composer', fromCall);
  line('Ctrl+V keydown -> ProseMirror state holds it', out.keydownToEditorState);
  if (opt.breakdown) {
    const how = {};
    for (const r of measured) how[r.stages.how] = (how[r.stages.how] || 0) + 1;
    console.log(`stages (medians, ms; insert: ${Object.entries(how).map(([k, n]) => `${k} ${n}x`).join(', ')}):`);
    for (const k of Object.keys(measured[0].stages.ms)) console.log(`  ${k}: ${fmt(summary(measured.map((r) => r.stages.ms[k])).p50)}`);
  }
  console.log(`load average after: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e && e.stack ? e.stack : e);
    process.exit(1);
  });
}

module.exports = { customerEmail };
