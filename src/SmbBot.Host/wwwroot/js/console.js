// Live updates for the staff console: the server names each ticket that changes; the open page fetches itself again
// and swaps in the parts that show it (the queue table, or the ticket's conversation, facts and history), leaving
// anything being typed alone.
(function () {
  // A ticket opens at its newest messages: those are what staff answer.
  const opened = document.getElementById('transcript');
  if (opened) opened.scrollTop = opened.scrollHeight;
  if (!window.signalR || !document.querySelector('[data-live]')) return;
  const connection = new signalR.HubConnectionBuilder().withUrl('/console/hub').withAutomaticReconnect().build();
  let pending = null;

  async function refresh() {
    const response = await fetch(location.href, { headers: { 'X-Requested-With': 'refresh' } });
    if (!response.ok) return;
    const next = new DOMParser().parseFromString(await response.text(), 'text/html');
    for (const selector of ['[data-live=queue] table', '#transcript', '.facts', '.history', '.side ul', '.status', '.badge']) {
      const now = document.querySelectorAll(selector);
      const fresh = next.querySelectorAll(selector);
      now.forEach(function (element, i) { if (fresh[i]) element.replaceWith(fresh[i]); });
    }
    const count = next.querySelector('.count');
    if (count && document.querySelector('.count')) document.querySelector('.count').replaceWith(count);
    const transcript = document.getElementById('transcript');
    if (transcript) transcript.scrollTop = transcript.scrollHeight;
  }

  // No number: a change on another host may have been missed; every page fetches itself again.
  connection.on('ticketChanged', function (number) {
    const page = document.querySelector('[data-live]');
    if (number && page.dataset.live === 'ticket' && page.dataset.ticket !== number) return;
    clearTimeout(pending);
    pending = setTimeout(refresh, 150); // several changes in one turn become one refresh
  });
  // A change made while the page was loading or the connection was down sends no event to this page: fetch once
  // on every (re)connection so nothing a customer wrote meanwhile is missing.
  connection.onreconnected(function () { refresh(); });
  connection.start().then(function () { document.body.dataset.live = 'connected'; return refresh(); });
})();
