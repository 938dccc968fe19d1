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
  gemini: {
    url: (id) => `https://gemini.google.com/app/${id}`,
    composer: 'rich-textarea .ql-editor',
    send: 'button.send-button',
    answer: 'model-response',
    user: '.user-query',
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

// Empties the composer the way a user does (select all, delete) and waits until it is empty.
async function clearComposer(chat) {
  await h.focusComposer(chat.page, chat.site.composer);
  await chat.page.keyboard.press('Control+A');
  await chat.page.keyboard.press('Delete');
  await h.waitFor(async () => (await composerText(chat)).trim() === '', { what: 'an empty composer' });
}

// Pastes `text` like browser.js paste() and measures, inside the page with performance.now(),
// how long the user waits: from the Ctrl+V keydown (its event timestamp, i.e. when the
// browser created the keystroke, before the extension or the page ran) to the first
// MutationObserver callback in which the composer's DOM shows at least `minPlaceholders`
// placeholders more than before (what the user sees). The page-world listeners are added
// just before the keystroke; they read only the composer, which by then holds masked text.
// Returns { ms, fromPressMs, stateMs, placeholders, text }: fromPressMs starts just before
// Playwright sends the key (adds the DevTools round trip), stateMs ends when ProseMirror's
// own state holds the text too, text is the composer's text at the end (ProseMirror state).
async function timedPaste(run, chat, text, { minPlaceholders = 1, timeout = 20000 } = {}) {
  await h.setClipboard(run, text);
  await h.focusComposer(chat.page, chat.site.composer);
  await chat.page.evaluate(({ selector, source, min, ms }) => {
    const composer = document.querySelector(selector);
    const count = (t) => (t.match(new RegExp(source, 'g')) || []).length;
    const base = count(composer.textContent);
    const st = { keydown: null, press: null, dom: null, state: null };
    const onKey = (e) => {
      if (st.keydown === null && e.ctrlKey && (e.key === 'v' || e.key === 'V')) st.keydown = e.timeStamp;
    };
    window.addEventListener('keydown', onKey, true);
    st.done = new Promise((resolve, reject) => {
      const stop = () => { mo.disconnect(); window.removeEventListener('keydown', onKey, true); };
      const timer = setTimeout(() => { stop(); reject(new Error('no masked text in the composer')); }, ms);
      const waitState = () => {
        if (count(window.__fakeEditor.text()) - base >= min) {
          st.state = performance.now();
          clearTimeout(timer);
          resolve();
        } else setTimeout(waitState, 0);
      };
      const mo = new MutationObserver(() => {
        if (st.dom !== null || count(composer.textContent) - base < min) return;
        st.dom = performance.now();
        stop();
        waitState();
      });
      mo.observe(composer, { childList: true, subtree: true, characterData: true });
    });
    window.__veilTimedPaste = st;
  }, { selector: chat.site.composer, source: PLACEHOLDER.source, min: minPlaceholders, ms: timeout });
  await chat.page.evaluate(() => { window.__veilTimedPaste.press = performance.now(); });
  await chat.page.keyboard.press('Control+V');
  const st = await chat.page.evaluate(async () => {
    const s = window.__veilTimedPaste;
    await s.done;
    return { keydown: s.keydown, press: s.press, dom: s.dom, state: s.state };
  });
  if (st.keydown === null) throw new Error('the page saw no Ctrl+V keydown');
  const final = await composerText(chat);
  return {
    ms: st.dom - st.keydown,
    fromPressMs: st.dom - st.press,
    stateMs: st.state - st.keydown,
    placeholders: placeholdersIn(final).length,
    text: final,
  };
}

module.exports = {
  SITES, PLACEHOLDER, openChat, composerText, waitComposer, placeholdersIn, waitAnswers, answersDone, sentMessages,
  clickRestore, restoreFrameText, clearComposer, timedPaste,
};
