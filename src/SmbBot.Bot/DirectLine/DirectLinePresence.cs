using System.Collections.Concurrent;
using SmbBot.Core.CustomerMail;

namespace SmbBot.Bot.DirectLine;

/// <summary>
/// Whether a website chat is being looked at: its open streams, when it last fetched activities, and the last one it
/// fetched. Kept in memory only: after a restart nobody counts as present until their page reconnects, so a staff
/// reply is e-mailed rather than lost. A chat with no open stream that has not fetched for <see cref="Forget"/> is
/// forgotten (at most once a minute, on the next fetch or stream), so the map holds only recent chats, not every chat
/// since the start; a forgotten chat counts as away, which again means the e-mail goes.
/// </summary>
public sealed class DirectLinePresence(TimeProvider clock, SmbBot.Core.Mail.MailOptions mail) : ICustomerPresence
{
    /// <summary>A chat that fetched within this long counts as open (Web Chat polls every second or so): <c>Mail:CustomerAwaySeconds</c>.</summary>
    private TimeSpan RecentPoll => TimeSpan.FromSeconds(mail.CustomerAwaySeconds);

    private sealed class Seen
    {
        public int OpenStreams;
        public int LastSeq;
        public DateTime LastFetchAt;
        public bool Forgotten;
    }

    private readonly ConcurrentDictionary<string, Seen> _seen = new();
    private DateTime _nextSweep = DateTime.MinValue;

    /// <summary>
    /// How long an idle chat is remembered: the mail queue asks <see cref="HasShown"/> about a reply
    /// <c>Mail:CustomerReplyAfterMinutes</c> after posting it; the quarter of an hour more covers a late outbox.
    /// </summary>
    public TimeSpan Forget => TimeSpan.FromMinutes(mail.CustomerReplyAfterMinutes) + TimeSpan.FromMinutes(15);

    /// <summary>How many chats are remembered now.</summary>
    public int Count => _seen.Count;

    /// <summary>The chat received the activities up to <paramref name="seq"/> (a poll, or a stream push).</summary>
    public void Fetched(string conversationId, int seq) => Update(conversationId, seen =>
    {
        seen.LastSeq = Math.Max(seen.LastSeq, seq);
        seen.LastFetchAt = clock.GetUtcNow().UtcDateTime;
    });

    /// <summary>A stream opened; disposing the result closes it.</summary>
    public IDisposable StreamOpened(string conversationId)
    {
        var seen = Update(conversationId, s => s.OpenStreams++);
        return new Closing(() =>
        {
            lock (seen)
            {
                seen.OpenStreams--;
                seen.LastFetchAt = clock.GetUtcNow().UtcDateTime;
            }
        });
    }

    /// <inheritdoc/>
    public bool IsInChat(string channelId, string conversationId)
    {
        // Other channels (Teams, the Emulator) deliver to the customer's app themselves: a reply they took counts as seen.
        if (channelId != DirectLineChannel.ChannelId) return true;
        if (!_seen.TryGetValue(conversationId, out var seen)) return false;
        lock (seen) return seen.OpenStreams > 0 || clock.GetUtcNow().UtcDateTime - seen.LastFetchAt < RecentPoll;
    }

    /// <inheritdoc/>
    public bool HasShown(string channelId, string conversationId, string activityId)
    {
        if (channelId != DirectLineChannel.ChannelId) return true;
        var bar = activityId.LastIndexOf('|');
        if (bar < 0 || !int.TryParse(activityId.AsSpan(bar + 1), out var seq)) return false;
        if (!_seen.TryGetValue(conversationId, out var seen)) return false;
        lock (seen) return seen.LastSeq >= seq;
    }

    // Changes the chat's entry under its lock; an entry forgotten by a sweep in the meantime is replaced, never updated.
    private Seen Update(string conversationId, Action<Seen> change)
    {
        SweepIfDue();
        while (true)
        {
            var seen = _seen.GetOrAdd(conversationId, _ => new Seen());
            lock (seen)
            {
                if (seen.Forgotten) continue;
                change(seen);
                return seen;
            }
        }
    }

    private void SweepIfDue()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        lock (_seen)
        {
            if (now < _nextSweep) return;
            _nextSweep = now.AddMinutes(1);
        }
        var cutoff = now - Forget;
        foreach (var (id, seen) in _seen)
        {
            lock (seen)
            {
                if (seen.OpenStreams > 0 || seen.LastFetchAt >= cutoff) continue;
                seen.Forgotten = true;
                _seen.TryRemove(new KeyValuePair<string, Seen>(id, seen));
            }
        }
    }

    private sealed class Closing(Action close) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) close();
        }
    }
}
