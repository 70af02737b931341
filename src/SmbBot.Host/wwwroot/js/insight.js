// The insight dashboard's charts: data from /api/insight for the chosen range, drawn with Chart.js. Labels are set
// as text by Chart.js on a canvas; nothing from the data is written into the page as HTML.
(() => {
  const root = document.getElementById('charts');
  if (!root || typeof Chart === 'undefined') return;
  const green = '#1f4d3a', amber = '#f4a259', red = '#b3261e', grey = '#9aa5a0', blue = '#3a7ca5';
  const reasonNames = { AskedForPerson: 'Asked for a person', Complaint: 'Complaint', AccountRequest: 'Their own records', UrgentSafety: 'Urgent', NoAnswer: 'No answer found' };
  const common = { responsive: true, maintainAspectRatio: false, animation: false };
  const charts = {};

  const draw = (id, config) => {
    if (charts[id]) charts[id].destroy();
    charts[id] = new Chart(document.getElementById(id), { ...config, options: { ...common, ...(config.options || {}) } });
  };

  const trend = (points, unit) => draw('trend', {
    type: unit === 'week' ? 'bar' : 'line',
    data: {
      labels: points.map(p => unit === 'week' ? 'w/c ' + p.start : p.start),
      datasets: [
        { label: 'Conversations', data: points.map(p => p.conversations), borderColor: grey, backgroundColor: grey },
        { label: 'Resolved by the bot', data: points.map(p => p.resolved), borderColor: green, backgroundColor: green },
        { label: 'Awaiting 7 days', data: points.map(p => p.awaiting), borderColor: blue, backgroundColor: blue },
        { label: 'Handed over', data: points.map(p => p.handedOver), borderColor: amber, backgroundColor: amber },
        { label: 'Unanswered messages', data: points.map(p => p.unanswered), borderColor: red, backgroundColor: red },
      ],
    },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });

  const figure = (view, key) => view.figures.headline.find(f => f.key === key)?.value ?? null;

  const render = view => {
    trend(view.daily, 'day');
    root.querySelectorAll('[data-trend]').forEach(b => b.onclick = () => {
      root.querySelectorAll('[data-trend]').forEach(o => o.classList.toggle('primary', o === b));
      trend(b.dataset.trend === 'week' ? view.weekly : view.daily, b.dataset.trend);
    });
    const reasons = Object.entries(view.figures.handOverReasons);
    draw('reasons', {
      type: 'bar',
      data: { labels: reasons.map(([r]) => reasonNames[r] || r), datasets: [{ label: 'Tickets', data: reasons.map(([, n]) => n), backgroundColor: amber }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    const pct = v => v === null ? null : Math.round(v * 100);
    draw('csat', {
      type: 'bar',
      data: { labels: ['Bot only', 'With a person'], datasets: [{ label: '% rated 4 or 5', data: [pct(figure(view, 'csatBot')), pct(figure(view, 'csatHuman'))], backgroundColor: [green, blue] }] },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, max: 100 } } },
    });
    const replies = view.figures.replies;
    draw('sla', {
      type: 'doughnut',
      data: { labels: ['In time', 'Late', 'Not yet answered'], datasets: [{ data: [replies.inTime, replies.late, replies.notYet], backgroundColor: [green, red, grey] }] },
    });
    draw('hours', {
      type: 'bar',
      data: { labels: view.figures.hours.map((_, h) => String(h).padStart(2, '0')), datasets: [{ label: 'Messages', data: view.figures.hours, backgroundColor: green }] },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    root.dataset.rendered = 'true';
  };

  const query = new URLSearchParams({ from: root.dataset.from, to: root.dataset.to });
  fetch('/api/insight?' + query, { credentials: 'same-origin' })
    .then(r => r.ok ? r.json() : Promise.reject(new Error('HTTP ' + r.status)))
    .then(render)
    .catch(e => {
      const p = document.createElement('p');
      p.className = 'error';
      p.textContent = 'The charts could not be loaded (' + e.message + '). The figures above are still right.';
      root.prepend(p);
    });
})();
