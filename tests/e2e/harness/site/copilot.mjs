// A fake copilot.microsoft.com page: a React-like controlled textarea#userInput (the page
// keeps its own copy of the value from input events), submit button and AI messages.
import { startChat } from './chat_common.mjs';

const ta = document.getElementById('userInput');
let pageValue = '';
ta.addEventListener('input', () => {
  pageValue = ta.value;
  window.__pageSaw && window.__pageSaw('copilot:state', pageValue);
});
const chat = startChat({
  answerAttrs: { 'data-content': 'ai-message' },
  userAttrs: { 'data-content': 'user-message' },
  stopButton: () => {
    const b = document.createElement('button');
    b.setAttribute('data-testid', 'stop-button');
    b.textContent = 'Stop';
    return b;
  },
  // Like React, send what the page state holds; it must equal what the textarea shows.
  getText: () => (pageValue === ta.value ? pageValue : ta.value),
  clear: () => { ta.value = ''; pageValue = ''; },
  endpoint: '/c/api/chat',
});
ta.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); chat.send(); }
});
document.getElementById('send').addEventListener('click', (e) => { e.preventDefault(); chat.send(); });
window.__fakeEditor = { text: () => ta.value };
window.__fakeChat = chat;
