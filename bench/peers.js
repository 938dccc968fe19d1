#!/usr/bin/env node
// Runs the same synthetic corpus as `veil bench` through other PII tools (the npm packages
// openredaction and redact-pii) and through Veil in the same run, and reports characters per
// second and Veil's ratio to each. The corpus comes from `veil bench gen` (deterministic).
//
// Usage: node bench/peers.js [--veil PATH] [--size MB] [--density dense|sparse] [--seed N]
//                            [--budget SECONDS] [--runs N] [--json]
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

function parseArgs(argv) {
  const opts = {
    veil: path.join(__dirname, '..', 'build-bench-rel', 'native_host', 'veil'),
    size: '1',
    density: 'dense',
    seed: '1447381324',
    budget: 20,
    runs: 3,
    json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') opts.json = true;
    else if (a === '--help') {
      console.log(
        'Usage: node bench/peers.js [--veil PATH] [--size MB] [--density dense|sparse] [--seed N] [--budget S] [--runs N] [--json]\n' +
          '  --veil     the veil binary (default build-bench-rel/native_host/veil)\n' +
          '  --size     corpus size in MB (default 1; peers are slow)\n' +
          '  --density  dense (1 value per ~100 B) or sparse (1 per ~2 KB); default dense\n' +
          '  --seed     corpus seed (default as veil bench)\n' +
          '  --budget   seconds per peer per run; a peer stops after the message that crosses it (default 20)\n' +
          '  --runs     runs per tool; the median rate is reported (default 3)\n' +
          '  --json     machine-readable output',
      );
      process.exit(0);
    } else if (['--veil', '--size', '--density', '--seed', '--budget', '--runs'].includes(a)) {
      opts[a.slice(2)] = argv[++i];
    } else {
      console.error(`peers.js: unknown option ${a}`);
      process.exit(2);
    }
  }
  opts.budget = Number(opts.budget);
  opts.runs = Number(opts.runs);
  return opts;
}

// Messages start with one of the generator's greetings (see native_host/src/bench/corpus.cpp).
function splitMessages(text) {
  return text
    .split(/\n\n(?=(?:Beste klantenservice,|Bonjour,|Sehr geehrte Damen und Herren,|Hello,)\n)/)
    .filter((m) => m.length > 0);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

// Characters in JavaScript terms would be UTF-16 units; count code points to match veil's count.
function chars(s) {
  let n = 0;
  for (const _ of s) n++; // eslint-disable-line no-unused-vars
  return n;
}

async function timeTool(name, messages, budgetS, runs, fn) {
  await fn(messages[0]); // warm-up: compiles patterns, loads dictionaries
  const rates = [];
  let processed = 0;
  let detections = 0;
  for (let r = 0; r < runs; r++) {
    let c = 0;
    let d = 0;
    const t0 = process.hrtime.bigint();
    let elapsed = 0;
    for (const m of messages) {
      d += await fn(m);
      c += chars(m);
      elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
      if (elapsed > budgetS) break;
    }
    rates.push(c / elapsed);
    processed = c;
    detections = d;
  }
  return { tool: name, chars_per_s: median(rates), runs: rates, chars_processed: processed, detections };
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'veil-peers-'));
  try {
    const corpusPath = path.join(tmp, 'corpus.txt');
    execFileSync(o.veil, ['bench', 'gen', '--size', o.size, '--density', o.density, '--seed', o.seed, '--out', corpusPath], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const text = fs.readFileSync(corpusPath, 'utf8');
    const messages = splitMessages(text);

    // Veil, same corpus, same run: in-process engine (scan) and anonymize with the vault.
    const veilOut = JSON.parse(
      execFileSync(
        o.veil,
        ['bench', '--json', '--size', o.size, '--density', o.density, '--seed', o.seed, '--runs', String(o.runs),
          '--skip', 'latency,host,coldstart'],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 },
      ),
    );
    const t = veilOut.throughput[o.density];
    const results = [];
    results.push({ tool: 'veil scan', chars_per_s: t.chars / t.scan.seconds, detections: t.scan.hits, chars_processed: t.chars });
    if (t.anonymize) {
      results.push({
        tool: 'veil anonymize (vault)',
        chars_per_s: t.chars / t.anonymize.seconds,
        detections: t.anonymize.entities,
        chars_processed: t.chars,
      });
    }

    const { OpenRedaction } = require('openredaction');
    const or = new OpenRedaction({ redactionMode: 'placeholder' });
    results.push(
      await timeTool('openredaction 1.1.5', messages, o.budget, o.runs, async (m) => (await or.detect(m)).detections.length),
    );

    const { SyncRedactor } = require('redact-pii');
    const rp = new SyncRedactor();
    results.push(
      await timeTool('redact-pii 3.4.0', messages, o.budget, o.runs, async (m) => {
        const out = rp.redact(m);
        return (out.match(/\b[A-Z]+(?:_[A-Z]+)*\b/g) || []).length; // rough: replacement tokens
      }),
    );

    const veilRate = results[0].chars_per_s;
    for (const r of results) r.veil_scan_ratio = veilRate / r.chars_per_s;
    const report = {
      corpus: { bytes: Buffer.byteLength(text), chars: t.chars, messages: messages.length, density: o.density, seed: o.seed },
      node: process.version,
      results,
    };
    if (o.json) {
      console.log(JSON.stringify(report, null, 2));
    } else {
      console.log(`corpus: ${o.size} MB ${o.density}, ${messages.length} messages, ${t.chars} chars`);
      console.log('tool                       chars/s        veil scan is x times faster   chars processed');
      for (const r of results) {
        console.log(
          `${r.tool.padEnd(27)}${Math.round(r.chars_per_s).toString().padStart(12)}   ${r.veil_scan_ratio
            .toFixed(1)
            .padStart(12)}                  ${r.chars_processed}`,
        );
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`peers.js: ${e.message}`);
  process.exit(1);
});
