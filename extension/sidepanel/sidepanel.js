// Side panel for the active tab's conversation: masked items with their originals (vault
// `entries`, shown only here), "do not mask in this conversation" (the service worker's
// per-scope allow list), "always mask" (deny list of the default host preset), the restored
// latest answer, and erasing the conversation's data (host `forget`).
(function () {
  'use strict';

  const { ui, render, presets } = globalThis.Veil;
  const $ = (id) => document.getElementById(id);
  let tabId = null;
  let scope = null;
  let latestText = '';

  ui.localize(document);

  function showError(err) {
    $('error').textContent = ui.errorText(err);
    $('error').classList.remove('hidden');
  }

  function clearError() {
    $('error').classList.add('hidden');
  }

  function button(labelKey, fallback, onClick, cls) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = ui.t(labelKey) || fallback;
    if (cls) b.className = cls;
    b.addEventListener('click', onClick);
    return b;
  }

  async function addDeny(term, label) {
    const { settings } = await ui.call('veil:settings', { action: 'get' });
    const name = settings.default_preset || 'default';
    const { preset } = await ui.call('veil:presets', { action: 'get', name });
    await ui.call('veil:presets', { action: 'put', name, preset: presets.withDenyTerm(preset, term, label) });
  }

  function renderEntries(entries, allowed) {
    const tbody = $('entries');
    tbody.textContent = '';
    $('noentries').classList.toggle('hidden', entries.length > 0);
    for (const e of entries) {
      const tr = document.createElement('tr');
      const cells = [e.placeholder, ui.t(`label_${e.label}`) || e.label, e.value];
      for (const c of cells) {
        const td = document.createElement('td');
        td.textContent = c;
        tr.append(td);
      }
      const actions = document.createElement('td');
      actions.append(
        button('sp_dont_mask', 'Do not mask here', async () => {
          try {
            await ui.call('veil:allow', { scope, action: 'add', value: e.value });
            await refresh();
          } catch (err) { showError(err); }
        }),
        document.createTextNode(' '),
        button('sp_always_mask', 'Always mask', async (ev) => {
          try {
            await addDeny(e.value, e.label);
            ev.target.disabled = true;
          } catch (err) { showError(err); }
        }),
      );
      tr.append(actions);
      tbody.append(tr);
    }
    const ul = $('allowed');
    ul.textContent = '';
    for (const v of allowed) {
      const li = document.createElement('li');
      li.append(document.createTextNode(`${v} `), button('sp_mask_again', 'Mask again', async () => {
        try {
          await ui.call('veil:allow', { scope, action: 'remove', value: v });
          await refresh();
        } catch (err) { showError(err); }
      }));
      ul.append(li);
    }
  }

  async function activeTabId() {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab ? tab.id : null;
  }

  async function refresh() {
    clearError();
    tabId = await activeTabId();
    const st = tabId === null ? { scope: null } : await ui.call('veil:tabState', { tabId });
    scope = st.scope;
    $('noscope').classList.toggle('hidden', !!scope);
    $('main').classList.toggle('hidden', !scope);
    if (!scope) return;
    $('scope').textContent = scope;
    $('restoreLatest').disabled = !st.hasLatest;
    try {
      const r = await ui.call('veil:entries', { scope });
      renderEntries(r.entries, r.allowed);
    } catch (err) {
      showError(err);
    }
  }

  $('restoreLatest').addEventListener('click', async () => {
    try {
      const r = await ui.call('veil:restoreLatest', { tabId });
      if (r.text === null) return;
      latestText = r.text;
      render.renderRestored(document, $('latest'), r, ui.t);
      $('copyLatest').disabled = false;
    } catch (err) { showError(err); }
  });

  $('copyLatest').addEventListener('click', () => navigator.clipboard.writeText(latestText));

  $('denyAdd').addEventListener('click', async () => {
    const term = $('denyTerm').value.trim();
    if (!term) return;
    try {
      await addDeny(term);
      $('denyTerm').value = '';
      $('denyMsg').textContent = ui.t('saved') || 'Saved';
    } catch (err) { showError(err); }
  });

  $('forget').addEventListener('click', async () => {
    if (!scope || !confirm(ui.t('sp_erase_confirm') || 'Erase?')) return;
    try {
      const r = await ui.call('veil:forget', { scope });
      $('forgetMsg').textContent = ui.t('sp_erased', [String(r.removed || 0)]) || 'Erased';
      $('latest').textContent = '';
      await refresh();
    } catch (err) { showError(err); }
  });

  chrome.tabs.onActivated.addListener(() => { refresh(); });
  chrome.storage.onChanged.addListener((changes, areaName) => {
    if (areaName === 'session' && (changes['veil.tabs'] || changes['veil.allow'])) refresh();
  });
  refresh().catch(showError);
})();
