using System.Collections.Concurrent;
using SmbBot.Core.CustomerMail;

namespace SmbBot.Bot.DirectLine;

/// <summary>
/// Whether a website chat is being looked at: its open streams, when it last fetched activities, and the last one it
/// fetched. Kept in memory only: after a restart nobody counts as present until their page reconnects, so a staff
/// reply is e-mailed rather than lost.
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
    }

    private readonly ConcurrentDictionary<string, Seen> _seen = new();

    /// <summary>The chat received the activities up to <paramref name="seq"/> (a poll, or a stream push).</summary>
    public void Fetched(string conversationId, int seq)
    {
        var seen = _seen.GetOrAdd(conversationId, _ => new Seen());
        lock (seen)
        {
            seen.LastSeq = Math.Max(seen.LastSeq, seq);
            seen.LastFetchAt = clock.GetUtcNow().UtcDateTime;
        }
    }

    /// <summary>A stream opened; disposing the result closes it.</summary>
    public IDisposable StreamOpened(string conversationId)
    {
        var seen = _seen.GetOrAdd(conversationId, _ => new Seen());
        Interlocked.Increment(ref seen.OpenStreams);
        return new Closing(() =>
        {
            Interlocked.Decrement(ref seen.OpenStreams);
            lock (seen) seen.LastFetchAt = clock.GetUtcNow().UtcDateTime;
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

    private sealed class Closing(Action close) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) close();
        }
    }
}
