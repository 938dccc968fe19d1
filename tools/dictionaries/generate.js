#!/usr/bin/env node
// Regenerates shared_rules/dictionaries/ (name, city and common-word lists) from installed
// registry packages: npm @faker-js/faker and Debian python3-fake-factory, wamerican, wbritish,
// wdutch. Re-runnable: same inputs give byte-identical outputs. Hand-written supplements live
// in shared_rules/dictionaries/curated/ and are merged in; SOURCES.md records every input.
//   node tools/dictionaries/generate.js            (from the repository root)
'use strict';

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'shared_rules', 'dictionaries');
const CURATED = path.join(OUT, 'curated');
const faker = require(path.join(ROOT, 'node_modules', '@faker-js', 'faker'));
const FAKER_VERSION = require(path.join(ROOT, 'node_modules', '@faker-js', 'faker', 'package.json')).version;
// Debian's own interpreter: python3-fake-factory lives in its dist-packages.
const PY = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

// country -> faker locales and python-faker locales for person names
const NAME_SOURCES = {
  nl: { faker: ['nl'], py: ['nl_NL'] },
  be: { faker: ['nl_BE', 'fr_BE'], py: [] },
  fr: { faker: ['fr'], py: ['fr_FR'] },
  de: { faker: ['de'], py: ['de_DE'] },
  at: { faker: ['de_AT'], py: ['de_AT'] },
  ch: { faker: ['de_CH', 'fr_CH'], py: ['de_CH', 'fr_CH'] },
  uk: { faker: ['en_GB'], py: ['en_GB'] },
  ie: { faker: ['en_IE'], py: [] },
  us: { faker: ['en', 'en_US'], py: ['en_US', 'en'] },
  // Names from elsewhere: news and legal text about NL/BE/FR/DE/AT/CH/UK/IE/US is full of
  // Italian, Spanish, Slavic, Scandinavian, Turkish... names. Latin-script locales only.
  world: { faker: ['es', 'es_MX', 'it', 'pt_BR', 'pt_PT', 'pl', 'cs_CZ', 'sk', 'sl_SI', 'hr', 'sr_RS_latin', 'hu',
    'ro', 'ro_MD', 'sv', 'da', 'nb_NO', 'fi', 'tr', 'lv', 'af_ZA', 'en_AU', 'en_IN', 'en_NG', 'en_ZA', 'en_GH', 'id_ID',
    'fr_SN', 'en_HK'], py: [] },
};
// Countries, states, regions and counties in the four languages: counter-evidence for names
// ("Israël", "Georgia", "Devon"), never emitted.
const REGION_LOCALES = ['nl', 'nl_BE', 'de', 'de_AT', 'de_CH', 'fr', 'fr_BE', 'fr_CH', 'en', 'en_GB', 'en_AU', 'en_IE'];
const CITY_SOURCES = {
  nl: { faker: ['nl'], py: ['nl_NL'] },
  be: { faker: ['nl_BE', 'fr_BE'], py: ['nl_BE'] },
  fr: { faker: ['fr'], py: [] },
  de: { faker: ['de'], py: ['de_DE'] },
  at: { faker: ['de_AT'], py: ['de_AT'] },
  ch: { faker: ['de_CH', 'fr_CH'], py: [] },
  uk: { faker: ['en_GB'], py: [] },
  ie: { faker: ['en_IE'], py: [] },
  us: { faker: ['en_US'], py: [] },
};
const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'ter', 'ten', 'te', 'het', "'t", 'zu', 'le', 'la', 'du',
  'des', 'di', 'da', 'del', 'della', 'dos', 'vom', 'zum', 'zur', 'am', 'im', 'in', 'op', 'aan', 'uit', 'auf', 'dem']);

function flat(v) {
  if (!v) return [];
  if (Array.isArray(v)) return v;
  if (typeof v === 'object') return Object.values(v).flatMap(flat);
  return [];
}

function pyDump(kind, locales, attrs) {
  if (!locales.length) return [];
  const code = `
import importlib, json, sys
out = []
for loc in sys.argv[3:]:
    try:
        m = importlib.import_module("faker.providers.%s." % sys.argv[1] + loc)
    except ImportError:
        continue
    for a in sys.argv[2].split(","):
        out.extend(getattr(m.Provider, a, ()) or ())
print(json.dumps(sorted(set(out))))`;
  const res = execFileSync(PY, ['-c', code, kind, attrs.join(','), ...locales], { encoding: 'utf8' });
  return JSON.parse(res);
}

// Entries are single tokens or hyphenated compounds; leading particles are dropped
// ("de Vries" -> "Vries") because the recognizer joins particles itself.
function cleanName(s) {
  let t = String(s).normalize('NFC').trim().replace(/\s+/g, ' ');
  const parts = t.split(' ');
  while (parts.length > 1 && PARTICLES.has(parts[0].toLowerCase())) parts.shift();
  t = parts.join(' ');
  if (!/^[\p{Lu}][\p{L}'’.\- ]*$/u.test(t)) return null;
  if (t.length < 2 || t.length > 40) return null;
  if (t.includes(' ')) return null;
  return t;
}

function cleanCity(s) {
  const t = String(s).normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!/^[\p{Lu}'’][\p{L}'’.\- ()]*$/u.test(t) || t.length < 2 || t.length > 50) return null;
  return t;
}

function readCurated(name) {
  const p = path.join(CURATED, name);
  if (!fs.existsSync(p)) return [];
  return fs.readFileSync(p, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

function readWordList(p) {
  if (!fs.existsSync(p)) throw new Error(`missing ${p}: apt-get install the package SOURCES.md names`);
  return fs.readFileSync(p, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
}

function sortUnique(list) {
  return [...new Set(list)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function write(rel, header, entries) {
  const file = path.join(OUT, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const body = header.map((h) => `# ${h}`).join('\n') + '\n' + entries.join('\n') + '\n';
  fs.writeFileSync(file, body);
  return entries.length;
}

function debVersion(pkg) {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' }).trim();
  } catch (e) {
    return 'not installed';
  }
}

function main() {
  const counts = {};
  const allFirst = new Set();
  const allLast = new Set();
  const header = (what, srcs) => [`${what}. Generated by tools/dictionaries/generate.js; do not edit.`,
    `Sources: ${srcs}. See SOURCES.md.`];

  for (const [cc, src] of Object.entries(NAME_SOURCES)) {
    const first = [];
    const last = [];
    for (const loc of src.faker) {
      const p = (faker[loc] && faker[loc].person) || {};
      first.push(...flat(p.first_name));
      last.push(...flat(p.last_name));
    }
    first.push(...pyDump('person', src.py, ['first_names', 'first_names_male', 'first_names_female']));
    last.push(...pyDump('person', src.py, ['last_names']));
    first.push(...readCurated(`first_names_${cc}.txt`));
    last.push(...readCurated(`last_names_${cc}.txt`));
    let f = sortUnique(first.map(cleanName).filter(Boolean));
    let l = sortUnique(last.map(cleanName).filter(Boolean));
    if (cc === 'world') {  // only what the country lists lack: no duplicate literals
      f = f.filter((x) => !allFirst.has(x));
      l = l.filter((x) => !allLast.has(x));
    }
    f.forEach((x) => allFirst.add(x));
    l.forEach((x) => allLast.add(x));
    const srcs = [...src.faker.map((x) => `@faker-js/faker ${x}`), ...src.py.map((x) => `python3-fake-factory ${x}`),
      'curated'].join(', ');
    counts[`names/first_${cc}.txt`] = write(`names/first_${cc}.txt`, header(`First names (${cc})`, srcs), f);
    counts[`names/last_${cc}.txt`] = write(`names/last_${cc}.txt`, header(`Surnames (${cc})`, srcs), l);
  }

  for (const [cc, src] of Object.entries(CITY_SOURCES)) {
    const cities = [];
    for (const loc of src.faker) {
      const l = (faker[loc] && faker[loc].location) || {};
      cities.push(...flat(l.city_name));
    }
    cities.push(...pyDump('address', src.py, ['cities']));
    cities.push(...readCurated(`cities_${cc}.txt`));
    const c = sortUnique(cities.map(cleanCity).filter(Boolean));
    const srcs = [...src.faker.map((x) => `@faker-js/faker ${x}`), ...src.py.map((x) => `python3-fake-factory ${x}`),
      'curated'].join(', ');
    counts[`places/cities_${cc}.txt`] = write(`places/cities_${cc}.txt`, header(`Cities (${cc})`, srcs), c);
  }

  {
    const regions = [];
    for (const loc of REGION_LOCALES) {
      const l = (faker[loc] && faker[loc].location) || {};
      regions.push(...flat(l.country), ...flat(l.state), ...flat(l.county));
    }
    regions.push(...readCurated('places_world.txt'));
    // Places that are just as often given names ("Victoria", "Georgia") stay out.
    const keep = new Set(readCurated('not_common.txt').map((x) => x.toLowerCase()));
    const r = sortUnique(regions.map(cleanCity).filter((x) => x && !keep.has(x.toLowerCase())));
    counts['places/regions.txt'] = write('places/regions.txt',
      header('Countries, states, regions, counties and world cities (name counter-evidence)',
        `@faker-js/faker ${REGION_LOCALES.join(', ')} location, curated`), r);
  }

  // Counter-evidence: names that are also ordinary lower-case words of a language, so a
  // capitalised "Bank", "Will" or "Hoffnung" is not a name by itself. Only the intersection
  // with the name lists is shipped, which keeps the lists small.
  const nameKeys = new Set([...allFirst, ...allLast].map((x) => x.toLowerCase()));
  const notCommon = new Set(readCurated('not_common.txt').map((x) => x.toLowerCase()));
  const words = {
    en: [...readWordList('/usr/share/dict/american-english'), ...readWordList('/usr/share/dict/british-english'),
      ...flat(faker.en.word)],
    nl: readWordList('/usr/share/dict/dutch'),
    de: flat(faker.de.word),
    fr: flat(faker.fr.word),
  };
  for (const [lang, list] of Object.entries(words)) {
    const common = [];
    for (const w of list) {
      const t = String(w).normalize('NFC');
      // German nouns are capitalised in the list; other languages' proper nouns are skipped.
      const key = lang === 'de' ? t.toLowerCase() : t;
      if (lang !== 'de' && t !== t.toLowerCase()) continue;
      if (/[^\p{L}'-]/u.test(key) || key.length < 2) continue;
      if (nameKeys.has(key)) common.push(key);
    }
    common.push(...readCurated(`common_words_${lang}.txt`).map((x) => x.toLowerCase()));
    for (let i = common.length - 1; i >= 0; i--) if (notCommon.has(common[i])) common.splice(i, 1);
    const srcs = { en: 'wamerican, wbritish, @faker-js/faker en word', nl: 'wdutch',
      de: '@faker-js/faker de word', fr: '@faker-js/faker fr word' }[lang] + ', curated';
    counts[`common/common_${lang}.txt`] = write(`common/common_${lang}.txt`,
      header(`Ordinary ${lang} words that are also names (lower case)`, srcs), sortUnique(common));
  }

  const versions = {
    '@faker-js/faker': FAKER_VERSION,
    'python3-fake-factory': debVersion('python3-fake-factory'),
    wamerican: debVersion('wamerican'),
    wbritish: debVersion('wbritish'),
    wdutch: debVersion('wdutch'),
  };
  fs.writeFileSync(path.join(OUT, 'generated.json'),
    JSON.stringify({ generator: 'tools/dictionaries/generate.js', versions, counts }, null, 1) + '\n');
  for (const [k, v] of Object.entries(counts)) console.log(`${k}\t${v}`);
}

main();
