// One adapter per supported site: the selectors and URL patterns, nothing else. The rest of
// the extension asks the adapter where the composer, the send button and the answers are and
// never knows which site it is on. Keep the selectors in sync with tests/e2e's fake pages.
(function (root, factory) {
  'use strict';
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else (root.Veil = root.Veil || {}).adapters = api;
})(globalThis, function () {
  'use strict';

  const ADAPTERS = [
    {
      id: 'chatgpt',
      name: 'ChatGPT',
      hosts: ['chatgpt.com', 'chat.openai.com'],
      composer: '#prompt-textarea',
      sendButton: 'button[data-testid="send-button"], button[aria-label="Send message"]',
      stopButton: '[data-testid="stop-button"]',
      answer: '[data-message-author-role="assistant"]',
      streaming: null,
      conversations: [{ re: /^\/(?:g\/[^/]+\/)?c\/([A-Za-z0-9-]{1,100})/, key: (m, host) => `${host}/c/${m[1]}` }],
    },
    {
      id: 'claude',
      name: 'Claude',
      hosts: ['claude.ai'],
      composer: 'div.ProseMirror[contenteditable=true]',
      sendButton: 'button[aria-label="Send message"], button[aria-label="Send Message"]',
      stopButton: 'button[aria-label="Stop response"]',
      answer: '.font-claude-message',
      streaming: '[data-is-streaming="true"]',
      conversations: [{ re: /^\/chat\/([A-Za-z0-9-]{1,100})/, key: (m, host) => `${host}/chat/${m[1]}` }],
    },
    {
      id: 'gemini',
      name: 'Gemini',
      hosts: ['gemini.google.com'],
      composer: 'rich-textarea .ql-editor',
      sendButton: 'button.send-button, button[aria-label="Send message"]',
      stopButton: 'button.stop, button[aria-label="Stop response"]',
      answer: 'model-response',
      streaming: null,
      conversations: [{ re: /^\/(?:u\/\d+\/)?app\/([A-Za-z0-9_-]{1,100})/, key: (m, host) => `${host}/app/${m[1]}` }],
    },
    {
      id: 'copilot',
      name: 'Microsoft Copilot',
      hosts: ['copilot.microsoft.com'],
      composer: 'textarea#userInput',
      sendButton: 'button[data-testid="submit-button"], button[aria-label="Submit message"]',
      stopButton: 'button[data-testid="stop-button"]',
      answer: '[data-content="ai-message"]',
      streaming: null,
      conversations: [{ re: /^\/chats\/([A-Za-z0-9_-]{1,100})/, key: (m, host) => `${host}/chats/${m[1]}` }],
    },
    {
      id: 'mistral',
      name: 'Mistral Le Chat',
      hosts: ['chat.mistral.ai'],
      composer: 'textarea[name="message.text"], div.ProseMirror[contenteditable="true"], form textarea',
      sendButton: 'button[aria-label="Send question"], form button[type="submit"]',
      stopButton: 'button[aria-label="Stop"]',
      answer: '[data-message-author-role="assistant"], [data-message-part-type="answer"]',
      streaming: null,
      conversations: [{ re: /^\/chat\/([A-Za-z0-9-]{1,100})/, key: (m, host) => `${host}/chat/${m[1]}` }],
    },
  ];

  // For sites the user adds: whatever textarea or contenteditable the user types into.
  const GENERIC = {
    id: 'generic',
    name: 'Other site',
    hosts: [],
    composer: null,
    sendButton: 'button[type="submit"], button[aria-label*="Send" i], button[data-testid*="send" i]',
    stopButton: null,
    answer: null,
    streaming: null,
    conversations: [],
  };

  const CONTENTEDITABLE = '[contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]';

  function adapterById(id) {
    if (id === GENERIC.id) return GENERIC;
    return ADAPTERS.find((a) => a.id === id) || null;
  }

  function adapterForHost(hostname) {
    return ADAPTERS.find((a) => a.hosts.includes(hostname)) || null;
  }

  function supportedOrigins() {
    return ADAPTERS.flatMap((a) => a.hosts.map((h) => `https://${h}`));
  }

  function elementOf(node) {
    if (!node) return null;
    return node.nodeType === 1 ? node : node.parentElement;
  }

  // The composer that contains `target`, or null when the event is elsewhere on the page.
  function findComposer(adapter, target) {
    const el = elementOf(target);
    if (!el || typeof el.closest !== 'function') return null;
    if (adapter.composer) return el.closest(adapter.composer);
    const ta = el.closest('textarea');
    if (ta) return ta;
    let ce = el.closest(CONTENTEDITABLE);
    if (!ce) return null;
    // The editing host is the outermost contenteditable element.
    while (ce.parentElement && ce.parentElement.closest(CONTENTEDITABLE)) ce = ce.parentElement.closest(CONTENTEDITABLE);
    return ce;
  }

  function queryComposer(adapter, doc) {
    return adapter.composer ? doc.querySelector(adapter.composer) : null;
  }

  function findSendButton(adapter, target) {
    const el = elementOf(target);
    if (!el || !adapter.sendButton || typeof el.closest !== 'function') return null;
    return el.closest(adapter.sendButton);
  }

  function querySendButton(adapter, doc, composer) {
    if (!adapter.sendButton) return null;
    const form = composer && composer.closest ? composer.closest('form') : null;
    return (form && form.querySelector(adapter.sendButton)) || doc.querySelector(adapter.sendButton);
  }

  function queryAnswers(adapter, doc) {
    return adapter.answer ? Array.from(doc.querySelectorAll(adapter.answer)) : [];
  }

  function isStreaming(adapter, answerEl, doc) {
    if (adapter.streaming && (answerEl.closest(adapter.streaming) || answerEl.querySelector(adapter.streaming))) return true;
    if (adapter.stopButton && doc.querySelector(adapter.stopButton)) {
      const answers = queryAnswers(adapter, doc);
      return answers[answers.length - 1] === answerEl;
    }
    return false;
  }

  return {
    ADAPTERS,
    GENERIC,
    adapterById,
    adapterForHost,
    supportedOrigins,
    findComposer,
    queryComposer,
    findSendButton,
    querySendButton,
    queryAnswers,
    isStreaming,
  };
});
