// Minimal markup of each supported site, using exactly the selectors the adapters hold (the
// e2e fake pages mirror the same markup).
'use strict';

const SITES = {
  chatgpt: {
    url: 'https://chatgpt.com/',
    html: `<main><div data-message-author-role="assistant" id="a1"><p>Dear [NAME_1], your order [ORDER_1] ships today.</p></div>
      <form id="f"><div id="prompt-textarea" class="ProseMirror" contenteditable="true"><p id="inner"></p></div>
      <button data-testid="send-button" id="send" type="button">Send</button></form></main>`,
  },
  claude: {
    url: 'https://claude.ai/new',
    html: `<div data-is-streaming="false"><div class="font-claude-message" id="a1">Hello [NAME_1]</div></div>
      <fieldset><div class="ProseMirror" contenteditable="true" id="composer"><p id="inner"></p></div>
      <button aria-label="Send message" id="send" type="button">Send</button></fieldset>`,
  },
  gemini: {
    url: 'https://gemini.google.com/app',
    html: `<model-response id="a1"><div>Beste [NAAM_1], bedankt.</div></model-response>
      <rich-textarea><div class="ql-editor" contenteditable="true" id="composer"><p id="inner"><br></p></div></rich-textarea>
      <button class="send-button" id="send" type="button">Send</button>`,
  },
  copilot: {
    url: 'https://copilot.microsoft.com/',
    html: `<div data-content="ai-message" id="a1">Hi NAME_1, thanks.</div>
      <textarea id="userInput"></textarea><button data-testid="submit-button" id="send" type="button">Send</button>`,
  },
  mistral: {
    url: 'https://chat.mistral.ai/chat',
    html: `<div data-message-author-role="assistant" id="a1">Bonjour [NOM_1]</div>
      <form id="f"><textarea name="message.text" id="composer"></textarea>
      <button type="submit" aria-label="Send question" id="send">Send</button></form>`,
  },
};

module.exports = { SITES };
