// The chat behaviour both fake sites share: show the user's message, POST it, stream the
// server's answer into an answer element chunk by chunk with a stop button meanwhile.
export function startChat(opts) {
  const thread = document.getElementById('thread');
  const form = document.getElementById('form');
  let busy = false;
  window.__sent = [];
  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  async function send() {
    const text = opts.getText();
    if (!text.trim() || busy) return;
    busy = true;
    window.__sent.push(text);
    thread.append(el('div', { class: 'msg user', ...opts.userAttrs }, text));
    opts.clear();
    const answer = el(opts.answerTag || 'div', { class: 'msg answer', ...opts.answerAttrs });
    const p = el('p');
    answer.append(p);
    thread.append(answer);
    const stop = opts.stopButton();
    form.append(stop);
    try {
      const res = await fetch(opts.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: text, conversation: location.pathname }),
      });
      const reader = res.body.getReader();
      const dec = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        p.append(document.createTextNode(dec.decode(value, { stream: true })));
      }
    } finally {
      stop.remove();
      busy = false;
      window.__answersDone = (window.__answersDone || 0) + 1;
    }
  }
  return { send };
}
