// The chat widget: a Direct Line token from this site's backend (/api/webchat/token), then the official Web Chat.
// The conversation is kept in session storage, so a reload resumes it with its history.
(function () {
  const key = 'smbbot.chat';
  const panel = document.getElementById('chat-panel');
  const toggle = document.getElementById('chat-toggle');
  let started = false;

  async function post(url, token) {
    const headers = token ? { Authorization: 'Bearer ' + token } : {};
    const response = await fetch(url, { method: 'POST', headers });
    return response.ok ? response.json() : null;
  }

  async function resume(saved) {
    // A saved conversation is resumed only if its token can be refreshed and the conversation still exists.
    const refreshed = await post('/v3/directline/tokens/refresh', saved.token);
    if (!refreshed) return null;
    const check = await fetch('/v3/directline/conversations/' + encodeURIComponent(saved.conversationId),
      { headers: { Authorization: 'Bearer ' + refreshed.token } });
    return check.ok ? { token: refreshed.token, conversationId: saved.conversationId } : null;
  }

  async function start() {
    started = true;
    let saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(key) || 'null'); } catch { saved = null; }
    let session = saved && saved.token && saved.conversationId ? await resume(saved) : null;
    const options = { domain: location.origin + '/v3/directline', webSocket: true };
    if (session) {
      options.token = session.token;
      options.conversationId = session.conversationId;
    } else {
      const fresh = await post('/api/webchat/token');
      session = { token: fresh.token, conversationId: fresh.conversationId };
      options.token = fresh.token;
    }
    sessionStorage.setItem(key, JSON.stringify(session));
    const directLine = window.WebChat.createDirectLine(options);
    // Web Chat refreshes its token every 15 minutes and a refresh revokes the old one: keep the newest for the next reload.
    setInterval(function () {
      if (directLine.token && directLine.token !== session.token) {
        session.token = directLine.token;
        sessionStorage.setItem(key, JSON.stringify(session));
      }
    }, 1000);
    window.WebChat.renderWebChat({
      directLine,
      locale: 'en-GB',
      styleOptions: {
        hideUploadButton: true,
        botAvatarInitials: 'HP',
        accent: '#1f4d3a',
        bubbleBorderRadius: 10,
        bubbleFromUserBackground: '#e4efe9',
        bubbleFromUserBorderRadius: 10,
        suggestedActionBorderRadius: 16,
        sendBoxButtonColor: '#1f4d3a',
      },
    }, document.getElementById('webchat'));
  }

  function open() {
    panel.hidden = false;
    toggle.hidden = true;
    toggle.setAttribute('aria-expanded', 'true');
    if (!started) start().catch(function (e) { console.error('chat failed to start', e); started = false; });
  }

  toggle.addEventListener('click', open);
  document.getElementById('chat-close').addEventListener('click', function () {
    panel.hidden = true;
    toggle.hidden = false;
    toggle.setAttribute('aria-expanded', 'false');
  });
  if (sessionStorage.getItem(key)) open(); // a reload during a chat keeps the chat open
})();
