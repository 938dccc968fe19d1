// Toolbar popup: helper status (from `hello`), items masked today (`stats`), an on/off toggle
// for the current site, and the way into the side panel.
(function () {
  'use strict';

  const { ui, config } = globalThis.Veil;
  const $ = (id) => document.getElementById(id);
  ui.localize(document);

  async function showStatus() {
    const st = await ui.call('veil:status');
    if (!st.connected) {
      $('host').textContent = ui.errorText(st.error);
      $('host').className = 'err';
      return;
    }
    const h = st.hello;
    const vault = h.vault || {};
    $('host').textContent = ui.t('popup_connected', [String(h.version || '?'), String(vault.key_storage || '?')]) ||
      `Connected, version ${h.version}, keys: ${vault.key_storage}`;
    $('host').className = '';
    try {
      const stats = await ui.call('veil:stats');
      const parts = Object.entries(stats.masked_today || {}).filter(([, n]) => n > 0)
        .map(([label, n]) => `${n} × ${ui.t(`label_${label}`) || label}`);
      $('today').textContent = parts.length ? parts.join(', ') : ui.t('popup_none') || 'none';
      $('today').className = '';
    } catch (err) {
      $('today').textContent = ui.errorText(err);
    }
  }

  async function siteToggle() {
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    const { config: cfg } = await ui.call('veil:config', { action: 'get' });
    // Without the "tabs" permission the URL is only known on sites Veil has access to.
    let origin = null;
    try { origin = tab && tab.url ? new URL(tab.url).origin : null; } catch { origin = null; }
    const site = origin ? config.siteFor(cfg, origin) : null;
    if (!site) {
      $('siteRow').classList.add('hidden');
      $('siteMsg').textContent = ui.t('popup_site_unsupported') || 'Veil is not active on this page.';
      return;
    }
    const box = $('site');
    box.checked = site.enabled;
    box.disabled = cfg.locked;
    if (cfg.locked) $('siteMsg').textContent = ui.t(cfg.policyPending ? 'policy_pending' : 'locked_by_admin') || 'Managed by your administrator.';
    box.addEventListener('change', async () => {
      try {
        if (site.builtin) {
          await ui.call('veil:config', { action: 'put', config: { sites: { ...cfg.sites, [site.adapter]: box.checked } } });
        } else if (!box.checked) {
          await ui.call('veil:config', { action: 'put', config: { customSites: cfg.customSites.filter((o) => o !== origin) } });
        }
        $('siteMsg').textContent = ui.t('saved') || 'Saved';
      } catch (err) {
        $('siteMsg').textContent = ui.errorText(err);
      }
    });
  }

  $('panel').addEventListener('click', async () => {
    const win = await chrome.windows.getCurrent();
    await chrome.sidePanel.open({ windowId: win.id });
    window.close();
  });
  $('options').addEventListener('click', () => chrome.runtime.openOptionsPage());

  showStatus().catch((err) => { $('host').textContent = ui.errorText(err); });
  siteToggle().catch((err) => { $('siteMsg').textContent = ui.errorText(err); });
})();
