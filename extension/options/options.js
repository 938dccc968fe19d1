// Options page. UI-only settings (sites, custom sites, fail mode, notice) go to the service
// worker's config (chrome.storage.sync); retention and presets belong to the host (`settings`,
// `presets` ops), which validates them: its errors are shown next to the field or rule named.
(function () {
  'use strict';

  const { ui, adapters, presets } = globalThis.Veil;
  const $ = (id) => document.getElementById(id);
  let cfg = null;
  let hostSettings = null;
  let preset = null;
  let presetName = 'default';

  ui.localize(document);

  function hostError(err) {
    $('hostError').textContent = ui.errorText(err);
    $('hostError').classList.remove('hidden');
  }

  async function saveConfig(patch) {
    const r = await ui.call('veil:config', { action: 'put', config: patch });
    cfg = r.config;
    renderConfig();
  }

  function renderConfig() {
    const sites = $('sites');
    sites.textContent = '';
    for (const a of adapters.ADAPTERS) {
      const label = document.createElement('label');
      label.className = 'row';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = cfg.sites[a.id] !== false;
      box.disabled = cfg.locked;
      box.addEventListener('change', () => saveConfig({ sites: { ...cfg.sites, [a.id]: box.checked } }).catch(hostError));
      label.append(box, document.createTextNode(` ${a.name} (${a.hosts.join(', ')})`));
      sites.append(label);
    }
    const ul = $('customSites');
    ul.textContent = '';
    for (const origin of cfg.customSites) {
      const li = document.createElement('li');
      const rm = document.createElement('button');
      rm.type = 'button';
      rm.textContent = ui.t('opt_remove') || 'Remove';
      rm.disabled = cfg.locked;
      rm.addEventListener('click', async () => {
        await saveConfig({ customSites: cfg.customSites.filter((o) => o !== origin) }).catch(hostError);
        chrome.permissions.remove({ origins: [`${origin}/*`] });
      });
      li.append(document.createTextNode(`${origin} `), rm);
      ul.append(li);
    }
    for (const r of document.querySelectorAll('input[name=failMode]')) {
      r.checked = r.value === cfg.failMode;
      r.disabled = cfg.locked;
    }
    $('showNotice').checked = cfg.showNotice;
    $('locked').classList.toggle('hidden', !cfg.locked);
    if (cfg.locked) $('locked').textContent = ui.t(cfg.policyPending ? 'policy_pending' : 'locked_by_admin') || 'Managed by your administrator.';
    for (const id of ['addCustom', 'saveSettings', 'savePreset', 'presetNew', 'presetDelete', 'presetImport', 'showNotice']) $(id).disabled = cfg.locked;
  }

  $('addCustom').addEventListener('click', async () => {
    const { normalizeOrigin } = globalThis.Veil.config;
    const origin = normalizeOrigin($('customOrigin').value.trim());
    if (!origin) {
      $('customMsg').textContent = ui.t('opt_bad_origin') || 'Enter an https:// address.';
      return;
    }
    // Optional host permission, asked at run time (needs this click as the user gesture).
    const granted = await chrome.permissions.request({ origins: [`${origin}/*`] });
    if (!granted) {
      $('customMsg').textContent = ui.t('opt_permission_denied') || 'Permission not granted.';
      return;
    }
    await saveConfig({ customSites: [...cfg.customSites, origin] }).catch(hostError);
    $('customOrigin').value = '';
    $('customMsg').textContent = ui.t('saved') || 'Saved';
  });

  for (const r of document.querySelectorAll('input[name=failMode]')) {
    r.addEventListener('change', () => saveConfig({ failMode: r.value }).catch(hostError));
  }
  $('showNotice').addEventListener('change', () => saveConfig({ showNotice: $('showNotice').checked }).catch(hostError));

  // --- host settings ---------------------------------------------------------------

  function renderSettings() {
    $('retentionDays').value = Math.round(hostSettings.retention_seconds / 86400) || 1;
    $('sessionOnly').checked = !!hostSettings.session_only;
  }

  $('saveSettings').addEventListener('click', async () => {
    const days = Number($('retentionDays').value);
    const settings = { ...hostSettings, retention_seconds: Math.round(days * 86400), session_only: $('sessionOnly').checked, fail_mode: cfg.failMode };
    try {
      const r = await ui.call('veil:settings', { action: 'put', settings });
      if (r && r.settings) hostSettings = r.settings;
      else hostSettings = settings;
      $('settingsMsg').textContent = ui.t('saved') || 'Saved';
      $('settingsMsg').className = 'muted';
    } catch (err) {
      $('settingsMsg').textContent = ui.errorText(err);
      $('settingsMsg').className = 'err';
    }
  });

  // --- presets ---------------------------------------------------------------------

  function option(select, value, text) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    select.append(o);
  }

  function ruleRow(rule) {
    const div = document.createElement('div');
    div.className = 'rule';
    const fields = [['id', rule.id || ''], ['label', rule.label || ''], ['pattern', rule.pattern || '']];
    for (const [name, value] of fields) {
      const input = document.createElement('input');
      input.type = 'text';
      input.name = name;
      input.value = value;
      input.placeholder = name;
      div.append(input, document.createTextNode(' '));
    }
    const caseless = document.createElement('input');
    caseless.type = 'checkbox';
    caseless.name = 'caseless';
    caseless.checked = !!rule.caseless;
    const cl = document.createElement('label');
    cl.append(caseless, document.createTextNode(` ${ui.t('opt_caseless') || 'ignore case'} `));
    const rm = document.createElement('button');
    rm.type = 'button';
    rm.textContent = ui.t('opt_remove') || 'Remove';
    rm.addEventListener('click', () => div.remove());
    const err = document.createElement('div');
    err.className = 'err';
    err.dataset.role = 'error';
    if (rule.score !== undefined) div.dataset.score = String(rule.score);
    div.append(cl, rm, err);
    return div;
  }

  function renderPreset() {
    $('language').value = preset.language || 'en';
    const tbody = $('kinds');
    tbody.textContent = '';
    const labels = [...new Set([...presets.LABELS, ...Object.keys(preset.labels || {})])];
    for (const label of labels) {
      const s = presets.labelSetting(preset, label);
      const tr = document.createElement('tr');
      tr.dataset.label = label;
      const name = document.createElement('td');
      name.textContent = ui.t(`label_${label}`) || label;
      const on = document.createElement('td');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = s.enabled;
      box.name = 'enabled';
      on.append(box);
      const opTd = document.createElement('td');
      const sel = document.createElement('select');
      sel.name = 'operator';
      for (const op of presets.OPERATORS) option(sel, op, ui.t(`op_${op}`) || op);
      sel.value = s.operator;
      opTd.append(sel);
      tr.append(name, on, opTd);
      tbody.append(tr);
    }
    $('allow').value = (preset.allow || []).join('\n');
    $('deny').value = (preset.deny || []).map(presets.denyTermOf).join('\n');
    const rules = $('rules');
    rules.textContent = '';
    for (const r of preset.custom_rules || []) rules.append(ruleRow(r));
    $('presetDefault').checked = hostSettings && hostSettings.default_preset === presetName;
  }

  function presetFromForm() {
    let p = { ...preset, language: $('language').value };
    for (const tr of $('kinds').querySelectorAll('tr')) {
      const enabled = tr.querySelector('input[name=enabled]').checked;
      const operator = tr.querySelector('select[name=operator]').value;
      const before = presets.labelSetting(preset, tr.dataset.label);
      if (before.enabled !== enabled || before.operator !== operator || (preset.labels && preset.labels[tr.dataset.label])) {
        p = presets.withLabelSetting(p, tr.dataset.label, { enabled, operator });
      }
    }
    p.allow = $('allow').value.split('\n').map((s) => s.trim()).filter(Boolean);
    const oldDeny = new Map((preset.deny || []).map((d) => [presets.denyTermOf(d), d]));
    p.deny = $('deny').value.split('\n').map((s) => s.trim()).filter(Boolean).map((t) => oldDeny.get(t) || t);
    p.custom_rules = [...$('rules').querySelectorAll('.rule')].map((div) => {
      const r = {
        id: div.querySelector('input[name=id]').value.trim(),
        label: div.querySelector('input[name=label]').value.trim(),
        pattern: div.querySelector('input[name=pattern]').value,
      };
      if (div.querySelector('input[name=caseless]').checked) r.caseless = true;
      if (div.dataset.score !== undefined) r.score = Number(div.dataset.score);
      return r;
    });
    p.name = presetName;
    return p;
  }

  function clearPresetErrors() {
    for (const el of document.querySelectorAll('[data-role=error], #allowErr, #denyErr')) el.textContent = '';
    $('presetMsg').textContent = '';
    $('presetMsg').className = 'muted';
  }

  function showPresetError(err) {
    const loc = presets.errorLocation(err.detail);
    const text = ui.errorText(err);
    if (loc && loc.field === 'custom_rules' && loc.index !== undefined) {
      const div = $('rules').querySelectorAll('.rule')[loc.index];
      if (div) {
        div.querySelector('[data-role=error]').textContent = text;
        return;
      }
    }
    if (loc && (loc.field === 'allow' || loc.field === 'deny')) {
      $(`${loc.field}Err`).textContent = text;
      return;
    }
    $('presetMsg').textContent = text;
    $('presetMsg').className = 'err';
  }

  async function savePreset(doc) {
    clearPresetErrors();
    try {
      await ui.call('veil:presets', { action: 'put', name: doc.name, preset: doc });
      if ($('presetDefault').checked && hostSettings.default_preset !== doc.name) {
        hostSettings = { ...hostSettings, default_preset: doc.name };
        await ui.call('veil:settings', { action: 'put', settings: hostSettings });
      }
      $('presetMsg').textContent = ui.t('saved') || 'Saved';
      return true;
    } catch (err) {
      showPresetError(err);
      return false;
    }
  }

  async function loadPresetList(select) {
    const { presets: names } = await ui.call('veil:presets', { action: 'list' });
    const s = $('presetSelect');
    s.textContent = '';
    for (const n of names) option(s, n, n);
    presetName = select && names.includes(select) ? select : names.includes(hostSettings.default_preset) ? hostSettings.default_preset : names[0] || 'default';
    s.value = presetName;
    await loadPreset(presetName);
  }

  async function loadPreset(name) {
    clearPresetErrors();
    presetName = name;
    const r = await ui.call('veil:presets', { action: 'get', name });
    preset = r.preset;
    renderPreset();
  }

  $('presetSelect').addEventListener('change', () => loadPreset($('presetSelect').value).catch(showPresetError));
  $('savePreset').addEventListener('click', () => savePreset(presetFromForm()));
  $('addRule').addEventListener('click', () => $('rules').append(ruleRow({})));
  $('presetNew').addEventListener('click', async () => {
    const name = prompt(ui.t('opt_new_name') || 'Name (a-z, 0-9, - and _)');
    if (!name) return;
    const doc = { version: 1, name, language: preset ? preset.language : 'en', labels: {}, allow: [], deny: [], custom_rules: [] };
    if (await savePreset(doc)) await loadPresetList(name);
  });
  $('presetDelete').addEventListener('click', async () => {
    if (!confirm(ui.t('opt_delete_confirm') || 'Delete this preset?')) return;
    try {
      await ui.call('veil:presets', { action: 'delete', name: presetName });
      await loadPresetList();
    } catch (err) { showPresetError(err); }
  });
  $('presetExport').addEventListener('click', () => {
    const blob = new Blob([`${JSON.stringify(presetFromForm(), null, 2)}\n`], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `veil-preset-${presetName}.json`;
    a.click();
    URL.revokeObjectURL(a.href);
  });
  $('presetImport').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    let doc;
    try {
      doc = JSON.parse(await file.text());
    } catch {
      $('presetMsg').textContent = ui.t('opt_bad_json') || 'Not a JSON file.';
      $('presetMsg').className = 'err';
      return;
    }
    if (await savePreset(doc)) await loadPresetList(doc.name);
    e.target.value = '';
  });

  async function main() {
    for (const l of presets.LANGUAGES) option($('language'), l, ui.t(`lang_${l}`) || l);
    cfg = (await ui.call('veil:config', { action: 'get' })).config;
    renderConfig();
    try {
      hostSettings = (await ui.call('veil:settings', { action: 'get' })).settings;
      renderSettings();
      await loadPresetList();
    } catch (err) {
      hostError(err);
    }
  }

  main().catch(hostError);
})();
