// Scenario helpers on top of browser.js: open a fake chat, read its composer, send, wait for
// the streamed answer, click Veil's Restore button and read the restore frame.
'use strict';

const crypto = require('node:crypto');
const h = require('./browser.js');

const SITES = {
  chatgpt: {
    url: (id) => `https://chatgpt.com/c/${id}`,
    composer: '#prompt-textarea',
    send: 'button[data-testid="send-button"]',
    answer: '[data-message-author-role="assistant"]',
    user: '[data-message-author-role="user"]',
  },
  copilot: {
    url: (id) => `https://copilot.microsoft.com/chats/${id}`,
    composer: 'textarea#userInput',
    send: 'button[data-testid="submit-button"]',
    answer: '[data-content="ai-message"]',
    user: '[data-content="user-message"]',
  },
};

// Placeholders as the host writes them: [LABEL_N].
const PLACEHOLDER = /\[[A-Z][A-Z_]*_\d+\]/g;

async function openChat(run, site, id = crypto.randomUUID()) {
  const page = await run.ctx.newPage();
  await page.goto(SITES[site].url(id));
  await page.waitForSelector(SITES[site].composer);
  // The content script runs at document_start; give it its first config round-trip.
  await page.waitForTimeout(300);
  return { page, site: SITES[site], id };
}

function composerText(chat) {
  return chat.page.evaluate(() => window.__fakeEditor.text());
}

async function waitComposer(chat, pred, what) {
  return h.waitFor(async () => {
    const t = await composerText(chat);
    return pred(t) ? t : null;
  }, { what: what || 'the composer text', timeout: 20000 });
}

function placeholdersIn(text) {
  return [...new Set(text.match(PLACEHOLDER) || [])];
}

async function answersDone(chat) {
  return chat.page.evaluate(() => window.__answersDone || 0);
}

async function waitAnswers(chat, n) {
  await h.waitFor(async () => (await answersDone(chat)) >= n, { what: `answer #${n}`, timeout: 30000 });
}

function sentMessages(chat) {
  return chat.page.evaluate(() => window.__sent.slice());
}

// Clicks the Restore button Veil put after answer #index (it lives in a closed shadow root;
// its host element sits right after the answer in the page).
async function clickRestore(chat, index = 0) {
  const host = chat.page.locator(`${chat.site.answer} + veil-restore`).nth(index);
  await host.waitFor({ state: 'attached', timeout: 20000 });
  const box = await h.waitFor(() => host.boundingBox(), { what: 'the Restore button box' });
  await chat.page.mouse.click(box.x + 12, box.y + 10);
}

// The restore frame (extension origin, dynamic URL) and its visible text once rendered.
async function restoreFrameText(chat, { previous = [] } = {}) {
  const frame = await h.waitFor(() => chat.page.frames().find((f) => /^chrome-extension:\/\/[a-p]{32}\/restore\/restore\.html/.test(f.url())
    && !previous.includes(f)) || null, { what: 'the restore frame', timeout: 20000 });
  const text = await h.waitFor(async () => {
    const t = await frame.evaluate(() => {
      const r = document.getElementById('result');
      const s = document.getElementById('status');
      return { result: r ? r.innerText : '', status: s && s.classList.contains('err') ? s.innerText : '' };
    }).catch(() => null);
    return t && (t.result || t.status) ? t : null;
  }, { what: 'the restored text', timeout: 20000 });
  return { frame, ...text };
}

module.exports = {
  SITES, PLACEHOLDER, openChat, composerText, waitComposer, placeholdersIn, waitAnswers, answersDone, sentMessages,
  clickRestore, restoreFrameText,
};
