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

  // "We're online…" or "We're offline — leave a message…": from /api/webchat/status, which holds no personal data.
  async function showStatus() {
    const line = document.getElementById('chat-status');
    try {
      const response = await fetch('/api/webchat/status', { cache: 'no-store' });
      if (!response.ok) return;
      const status = await response.json();
      line.textContent = status.text;
      line.classList.toggle('offline', !status.open);
      line.hidden = false;
    } catch { line.hidden = true; }
  }

  // Staff replies come from "staff:<id>" with the person's name (role "bot", as Web Chat requires for anyone but the
  // user): show their initials instead of the bot's. The bundle does not expose React, so the element is made from
  // the default avatar's element, changing only its type and props.
  function staffInitials(name) {
    return name.split(/\s+/).filter(Boolean).slice(0, 2).map(function (w) { return w[0].toUpperCase(); }).join('') || '?';
  }

  function staffAvatarMiddleware() {
    return function (next) {
      return function (args) {
        const from = args.activity && args.activity.from;
        const render = next(args);
        if (!from || typeof from.id !== 'string' || from.id.indexOf('staff:') !== 0 || !render) return render;
        const template = render();
        if (!template || typeof template !== 'object') return render;
        const name = from.name || 'Staff';
        return function () {
          return Object.assign({}, template, {
            type: 'div', key: null,
            props: { className: 'staff-avatar', title: name, 'aria-label': name, children: staffInitials(name) },
          });
        };
      };
    };
  }

  // Web Chat groups messages by role, so a staff reply after the bot's would share the bot's avatar: group by sender id.
  function groupBySenderMiddleware() {
    return function (next) {
      return function (args) {
        const groups = next(args);
        const bySender = [];
        args.activities.forEach(function (activity, i) {
          const previous = args.activities[i - 1];
          const same = previous && previous.from.role === activity.from.role && previous.from.id === activity.from.id;
          if (same) bySender[bySender.length - 1].push(activity); else bySender.push([activity]);
        });
        return Object.assign({}, groups, { sender: bySender });
      };
    };
  }

  // The business's name, colours and avatar, as set on the console's settings page (/api/webchat/appearance).
  let appearance = null;
  async function loadAppearance() {
    try {
      const response = await fetch('/api/webchat/appearance', { cache: 'no-cache' });
      if (response.ok) appearance = await response.json();
    } catch { appearance = null; }
    if (!appearance) return;
    document.getElementById('chat-name').textContent = appearance.title;
    panel.setAttribute('aria-label', 'Chat with ' + appearance.businessName);
    const root = document.documentElement.style;
    root.setProperty('--chat-accent', appearance.accent);
    root.setProperty('--chat-accent-text', appearance.accentText);
    root.setProperty('--chat-accent-soft', appearance.accentSoft);
  }
  const appearanceLoaded = loadAppearance();

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
    await appearanceLoaded;
    const look = appearance || { accent: '#1f4d3a', accentSoft: '#e4efe9', initials: '', avatarUrl: null };
    // The initials stay under an image avatar: Web Chat 4.18 shows an image avatar only alongside initials.
    const avatar = { botAvatarInitials: look.initials || '?' };
    if (look.avatarUrl) avatar.botAvatarImage = new URL(look.avatarUrl, location.origin).href;
    window.WebChat.renderWebChat({
      directLine,
      locale: 'en-GB',
      avatarMiddleware: staffAvatarMiddleware,
      groupActivitiesMiddleware: groupBySenderMiddleware,
      styleOptions: Object.assign({
        // Buttons wrap onto more lines instead of a carousel, so "Talk to a person" is never behind an arrow on a phone.
        suggestedActionLayout: 'flow',
        hideUploadButton: true,
        accent: look.accent,
        bubbleBorderRadius: 10,
        bubbleFromUserBackground: look.accentSoft,
        bubbleFromUserBorderRadius: 10,
        suggestedActionBorderRadius: 16,
        sendBoxButtonColor: look.accent,
      }, avatar),
    }, document.getElementById('webchat'));
  }

  function open() {
    panel.hidden = false;
    toggle.hidden = true;
    toggle.setAttribute('aria-expanded', 'true');
    showStatus();
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
