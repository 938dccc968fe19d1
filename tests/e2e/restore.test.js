// Scenario 3: the fake model streams an answer that uses the placeholders, some of them
// mangled the way models mangle them. Veil adds a Restore button; the restore frame (extension
// origin) shows the original values; the page never recorded any of them during the test.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness/browser.js');
const c = require('./harness/chat.js');
const { DUTCH_EMAIL, DUTCH_VALUES } = require('./harness/data.js');

const bare = (p) => p.slice(1, -1);
const escaped = (p) => `\\[${bare(p).replace(/_/g, '\\_')}\\]`;
const titleCase = (p) => p.replace(/\[([A-Z])([A-Z]+)_/, (m, a, b) => `[${a}${b.toLowerCase()}_`);

// An answer in the style of a model: exact, bare, escaped, bold, re-cased and possessive
// placeholders, plus one the conversation never had.
function modelAnswer(message) {
  const ph = c.placeholdersIn(message);
  const find = (re) => ph.find((p) => re.test(p));
  const name = find(/^\[(NAME|PERSON)_/);
  const email = find(/^\[EMAIL_/);
  const iban = find(/^\[IBAN_/);
  const phone = find(/^\[PHONE_/);
  if (!name || !email || !iban || !phone) return `I could not read the message. ${ph.join(' ')}`;
  return [
    `Beste ${name},`,
    '',
    `Dank voor uw bericht. We storten het bedrag terug op ${escaped(iban)}.`,
    `We bellen u op ${bare(phone)} en sturen een bevestiging naar **${email}**.`,
    `${titleCase(name)}'s bestelling krijgt voorrang. Groeten aan [NAME_97].`,
  ].join('\n');
}

test('a streamed answer with mangled placeholders is restored in Veil\'s frame only', async (t) => {
  const run = await h.launch({ name: 'restore' });
  t.after(() => run.close());
  run.server.state.answer = (host, message) => modelAnswer(message);
  const chat = await c.openChat(run, 'chatgpt');

  await h.paste(run, chat.page, chat.site.composer, DUTCH_EMAIL);
  await c.waitComposer(chat, (s) => c.placeholdersIn(s).length >= 4, 'placeholders in the composer');
  await chat.page.keyboard.press('Enter');
  await c.waitAnswers(chat, 1);
  const answer = await chat.page.locator(chat.site.answer).first().innerText();
  assert.match(answer, /\\\[IBAN\\_\d+\\\]/, 'the page shows the mangled answer');

  const pollsBefore = (await chat.page.evaluate(() => window.__nosy.frameAccess())).length;
  await c.clickRestore(chat, 0);
  const { result, status } = await c.restoreFrameText(chat);
  assert.equal(status, '', 'the restore frame shows no error');
  for (const v of DUTCH_VALUES.filter((x) => x !== 'Sanne de Vries')) assert.ok(result.includes(v), 'a value is restored');
  // The name is restored from the exact, the re-cased and the possessive forms.
  assert.ok((result.match(/Sanne de Vries/g) || []).length >= 2, 'the name is restored in both places');
  assert.match(result, /Sanne de Vries's bestelling/);
  assert.match(result, /NAME_97/, 'the invented placeholder is reported, not guessed');
  assert.ok(!/\[(?:NAME|EMAIL|IBAN|PHONE)_[0-9]\]/.test(result.split(/Not restored/)[0]), 'no known placeholder is left');

  await chat.page.waitForTimeout(500);
  await h.screenshot(chat.page, 'scenario3-restore');
  const access = await chat.page.evaluate(() => window.__nosy.frameAccess());
  // Positive control: the page kept trying to find and read frames while Veil's frame was open.
  const polls = access.slice(pollsBefore).filter((a) => a.src === 'poll');
  assert.ok(polls.length > 0, 'the page polled for frames while the restore frame was open');
  assert.ok(access.every((a) => !a.readable), 'the page could not read the restore frame');
  h.assertNoLeak(await h.recorded(run, [chat.page]), DUTCH_VALUES);
});
