// Follows a publish on the FAQ editor page: polls the publisher's status while it runs. Data is written as text only.
(function () {
  const box = document.getElementById('publish-status');
  if (!box) return;
  const text = (id, value) => { const el = document.getElementById(id); if (el) el.textContent = value ?? ''; };
  async function poll() {
    try {
      const response = await fetch('/console/knowledge/status', { credentials: 'same-origin' });
      if (!response.ok) return;
      const s = await response.json();
      box.dataset.state = s.state;
      box.className = 'publish-' + s.state;
      text('publish-state', s.state);
      text('publish-step', s.step);
      text('publish-message', s.message);
      if (s.live) text('live-version', String(s.live.number));
      const list = document.getElementById('publish-broken');
      if (list) {
        list.replaceChildren(...(s.broken || []).map(b => { const li = document.createElement('li'); li.textContent = b; return li; }));
      }
      if (s.state === 'running') setTimeout(poll, 1000);
    } catch { setTimeout(poll, 3000); }
  }
  if (box.dataset.state === 'running') setTimeout(poll, 500);
})();
