// A fake gemini.google.com chat page built on a real Quill 2 editor inside <rich-textarea>,
// with the selectors the extension's Gemini adapter uses (rich-textarea .ql-editor, the send
// button, model-response answers). Enter sends (Shift+Enter breaks the line). Bundled by
// esbuild at test time.
import Quill from 'quill';
import { startChat } from './chat_common.mjs';

const quill = new Quill('#composer', {
  formats: [],
  modules: {
    keyboard: {
      bindings: {
        send: { key: 'Enter', shiftKey: false, handler: () => { chat.send(); return false; } },
      },
    },
  },
});
// Quill's text always ends with one newline of its own.
const textOfDoc = () => quill.getText().replace(/\n$/, '');
quill.on('text-change', () => { window.__pageSaw && window.__pageSaw('quill:doc', textOfDoc()); });
const chat = startChat({
  answerTag: 'model-response',
  answerAttrs: {},
  userAttrs: { class: 'user-query' },
  stopButton: () => {
    const b = document.createElement('button');
    b.className = 'stop';
    b.setAttribute('aria-label', 'Stop response');
    b.textContent = 'Stop';
    return b;
  },
  getText: () => textOfDoc(),
  clear: () => quill.setText(''),
  endpoint: '/_/BardChatUi/data/assistant.lamda.BardFrontendService/StreamGenerate',
});
document.getElementById('send').addEventListener('click', (e) => { e.preventDefault(); chat.send(); });
window.__fakeEditor = { text: textOfDoc };
window.__fakeChat = chat;
