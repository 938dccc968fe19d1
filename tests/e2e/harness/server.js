// The fake chat sites' HTTPS server: one process-local server answering for chatgpt.com,
// copilot.microsoft.com, gemini.google.com and a helper origin, chosen by the Host header
// (Chromium maps those names to 127.0.0.1 with --host-resolver-rules). The certificate is made
// at start with openssl; the page scripts are bundled with esbuild from the installed npm
// packages.
'use strict';

const fs = require('node:fs');
const https = require('node:https');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const esbuild = require('esbuild');

const SITE_DIR = path.join(__dirname, 'site');
const HOSTS = ['chatgpt.com', 'copilot.microsoft.com', 'gemini.google.com', 'clip.veil.test'];

function makeCert(dir) {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2',
    '-subj', '/CN=chatgpt.com', '-addext', `subjectAltName=${HOSTS.map((h) => `DNS:${h}`).join(',')}`],
  { stdio: 'ignore' });
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

function bundle(entry) {
  const out = esbuild.buildSync({
    entryPoints: [path.join(SITE_DIR, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome110',
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

const SITES = {
  'chatgpt.com': {
    title: 'ChatGPT',
    composer: '<div id="composer"></div>',
    sendAttrs: 'data-testid="send-button" aria-label="Send message"',
    bundle: 'chatgpt.bundle.js',
    endpoint: '/backend-api/conversation',
  },
  'copilot.microsoft.com': {
    title: 'Microsoft Copilot',
    composer: '<textarea id="userInput" rows="3" placeholder="Message Copilot"></textarea>',
    sendAttrs: 'data-testid="submit-button" aria-label="Submit message"',
    bundle: 'copilot.bundle.js',
    endpoint: '/c/api/chat',
  },
  'gemini.google.com': {
    title: 'Gemini',
    composer: '<rich-textarea><div id="composer"></div></rich-textarea>',
    sendAttrs: 'class="send-button" aria-label="Send message"',
    bundle: 'gemini.bundle.js',
    endpoint: '/_/BardChatUi/data/assistant.lamda.BardFrontendService/StreamGenerate',
  },
};

// A server with hooks for the test: `answer(host, message)` returns the text the fake model
// streams back; `requests` records every body the pages sent over the network.
async function startServer(tmpDir) {
  const { key, cert } = makeCert(tmpDir);
  const statics = {
    'nosy.js': fs.readFileSync(path.join(SITE_DIR, 'nosy.js'), 'utf8'),
    'chatgpt.bundle.js': bundle('chatgpt.mjs'),
    'copilot.bundle.js': bundle('copilot.mjs'),
    'gemini.bundle.js': bundle('gemini.mjs'),
  };
  const template = fs.readFileSync(path.join(SITE_DIR, 'page.html'), 'utf8');
  const state = {
    requests: [],
    answer: () => 'Thank you for your message. How can I help?',
    chunkSize: 7,
    chunkDelayMs: 40,
  };

  const server = https.createServer({ key, cert }, (req, res) => {
    const host = String(req.headers.host || '').replace(/:\d+$/, '');
    const url = new URL(req.url, `https://${host}`);
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      state.requests.push({ host, method: req.method, path: url.pathname, body, url: req.url });
      if (url.pathname.startsWith('/static/')) {
        const name = url.pathname.slice('/static/'.length);
        if (!(name in statics)) { res.writeHead(404); res.end(); return; }
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
        res.end(statics[name]);
        return;
      }
      if (host === 'clip.veil.test') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><title>clipboard helper</title><p>helper</p>');
        return;
      }
      const site = SITES[host];
      if (!site) { res.writeHead(404); res.end('unknown host'); return; }
      if (req.method === 'POST' && url.pathname === site.endpoint) {
        let message = '';
        try { message = JSON.parse(body).message || ''; } catch { /* recorded anyway */ }
        const text = String(state.answer(host, message));
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        let i = 0;
        const tick = () => {
          if (i >= text.length) { res.end(); return; }
          res.write(text.slice(i, i + state.chunkSize));
          i += state.chunkSize;
          setTimeout(tick, state.chunkDelayMs);
        };
        tick();
        return;
      }
      if (req.method === 'GET') {
        const html = template
          .replaceAll('{{TITLE}}', site.title)
          .replace('{{COMPOSER}}', site.composer)
          .replace('{{SEND_ATTRS}}', site.sendAttrs)
          .replace('{{BUNDLE}}', site.bundle);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(html);
        return;
      }
      res.writeHead(405);
      res.end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    hosts: HOSTS,
    state,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

module.exports = { startServer, HOSTS };
