// A fake chatgpt.com chat page built on a real ProseMirror editor, with the selectors the
// extension's ChatGPT adapter uses (#prompt-textarea, send button, assistant answers). Enter
// sends (Shift+Enter breaks the line), as on the real site. Bundled by esbuild at test time.
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { schema } from 'prosemirror-schema-basic';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap, splitBlock } from 'prosemirror-commands';
import { history, undo, redo } from 'prosemirror-history';
import { startChat } from './chat_common.mjs';

const mount = document.getElementById('composer');
let view;
function textOfDoc() {
  return view.state.doc.textBetween(0, view.state.doc.content.size, '\n', '\n');
}
function clear() {
  const tr = view.state.tr.delete(0, view.state.doc.content.size);
  view.dispatch(tr);
}
const chat = startChat({
  answerAttrs: { 'data-message-author-role': 'assistant' },
  userAttrs: { 'data-message-author-role': 'user' },
  stopButton: () => {
    const b = document.createElement('button');
    b.setAttribute('data-testid', 'stop-button');
    b.textContent = 'Stop';
    return b;
  },
  getText: () => textOfDoc(),
  clear,
  endpoint: '/backend-api/conversation',
});
view = new EditorView(mount, {
  state: EditorState.create({
    schema,
    plugins: [
      history(),
      keymap({
        Enter: () => { chat.send(); return true; },
        'Shift-Enter': splitBlock,
        'Mod-z': undo,
        'Mod-y': redo,
      }),
      keymap(baseKeymap),
    ],
  }),
  attributes: { id: 'prompt-textarea', class: 'ProseMirror', 'aria-label': 'Message ChatGPT' },
  // The page's own view of every change: recorded like everything else it sees.
  dispatchTransaction(tr) {
    view.updateState(view.state.apply(tr));
    window.__pageSaw && window.__pageSaw('prosemirror:doc', textOfDoc());
  },
});
document.getElementById('send').addEventListener('click', (e) => { e.preventDefault(); chat.send(); });
window.__fakeEditor = { text: textOfDoc };
window.__fakeChat = chat;
