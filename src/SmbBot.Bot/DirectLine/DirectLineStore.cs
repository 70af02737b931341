using System.Collections.Concurrent;
using LiteDB;

namespace SmbBot.Bot.DirectLine;

/// <summary>A Direct Line conversation: whose it is and how far its activity sequence has come.</summary>
public sealed class DirectLineConversation
{
    [BsonId] public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public bool Verified { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastActiveAt { get; set; }
    /// <summary>Sequence number of the last activity (the watermark).</summary>
    public int LastSeq { get; set; }
}

/// <summary>One stored activity, as the JSON the client receives.</summary>
public sealed class DirectLineActivity
{
    /// <summary><c>{conversationId}|{seq:D10}</c>: ordered by conversation, then sequence.</summary>
    [BsonId] public string Key { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public int Seq { get; set; }
    public string Json { get; set; } = "";
}

/// <summary>
/// The channel's conversations and activities in LiteDB (collections <c>dl_conversations</c>, <c>dl_activities</c>),
/// so a page reload, or a restart of the host, resumes the chat. History is bounded per conversation.
/// </summary>
public sealed class DirectLineStore
{
    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<DirectLineConversation> _conversations;
    private readonly ILiteCollection<DirectLineActivity> _activities;
    private readonly Lock _write = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _changed = new();
    private readonly int _maxHistory;

    public DirectLineStore(ILiteDatabase database, DirectLineOptions options)
    {
        _database = database;
        _conversations = database.GetCollection<DirectLineConversation>("dl_conversations");
        _conversations.EnsureIndex(c => c.LastActiveAt);
        _activities = database.GetCollection<DirectLineActivity>("dl_activities");
        _maxHistory = options.MaxHistory;
    }

    public DirectLineConversation? Get(string conversationId) => _conversations.FindById(conversationId);

    /// <summary>Creates the conversation unless it exists; returns it and whether it is new.</summary>
    public (DirectLineConversation Conversation, bool Created) GetOrCreate(string id, string userId, bool verified, DateTime now)
    {
        lock (_write)
        {
            if (_conversations.FindById(id) is { } existing) return (existing, false);
            var conversation = new DirectLineConversation { Id = id, UserId = userId, Verified = verified, CreatedAt = now, LastActiveAt = now };
            _conversations.Insert(conversation);
            return (conversation, true);
        }
    }

    /// <summary>
    /// Stores an activity: <paramref name="build"/> gets its sequence number and returns the final JSON. Wakes anyone
    /// waiting on the conversation. Null when the conversation does not exist.
    /// </summary>
    public (int Seq, string Json)? Append(string conversationId, DateTime now, Func<int, string> build)
    {
        (int, string) added;
        lock (_write)
        {
            var conversation = _conversations.FindById(conversationId);
            if (conversation is null) return null;
            var seq = ++conversation.LastSeq;
            var json = build(seq);
            // One transaction, so one flush to disk per activity: the writes of an append are durable together.
            _database.BeginTrans();
            try
            {
                _activities.Insert(new DirectLineActivity { Key = Key(conversationId, seq), ConversationId = conversationId, Seq = seq, Json = json });
                conversation.LastActiveAt = now;
                _conversations.Update(conversation);
                if (seq > _maxHistory) _activities.Delete(Key(conversationId, seq - _maxHistory));
                _database.Commit();
            }
            catch
            {
                _database.Rollback();
                throw;
            }
            added = (seq, json);
        }
        if (_changed.TryRemove(conversationId, out var waiters)) waiters.TrySetResult();
        return added;
    }

    /// <summary>Activities after <paramref name="watermark"/> (at most <paramref name="max"/>), oldest first.</summary>
    public IReadOnlyList<DirectLineActivity> After(string conversationId, int watermark, int max = 500) =>
        _activities.Find(Range(conversationId, watermark + 1), limit: max).ToArray();

    // A parameterised expression: LiteDB parses and compiles it once and caches it; an expression with the values
    // written into it (Query.Between) was compiled again on every poll.
    private static BsonExpression Range(string conversationId, int fromSeq) =>
        BsonExpression.Create("$._id BETWEEN @0 AND @1", Key(conversationId, fromSeq), Key(conversationId, int.MaxValue));

    /// <summary>Completes when something is appended to the conversation (or at once if it already has been).</summary>
    public Task ChangedAsync(string conversationId, int seenSeq, CancellationToken cancellationToken)
    {
        var signal = _changed.GetOrAdd(conversationId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (Get(conversationId) is { } c && c.LastSeq > seenSeq) return Task.CompletedTask;
        return signal.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Deletes conversations idle since before <paramref name="cutoff"/>, with their activities.</summary>
    public int ExpireIdle(DateTime cutoff)
    {
        var idle = _conversations.Find(c => c.LastActiveAt < cutoff).Select(c => c.Id).ToArray();
        lock (_write)
        {
            foreach (var id in idle)
            {
                _activities.DeleteMany(Range(id, 0));
                _conversations.Delete(id);
            }
        }
        return idle.Length;
    }

    /// <summary>Conversations of these users or with these ids (a full scan of conversations: admin use only).</summary>
    public IReadOnlyList<DirectLineConversation> Of(IReadOnlySet<string> userIds, IReadOnlySet<string> conversationIds) =>
        _conversations.FindAll().Where(c => userIds.Contains(c.UserId) || conversationIds.Contains(c.Id)).ToArray();

    /// <summary>Deletes these conversations with their activities; returns how many there were.</summary>
    public int Delete(IEnumerable<string> conversationIds)
    {
        var deleted = 0;
        lock (_write)
        {
            foreach (var id in conversationIds)
            {
                _activities.DeleteMany(Range(id, 0));
                if (_conversations.Delete(id)) deleted++;
            }
        }
        return deleted;
    }

    private static string Key(string conversationId, int seq) => $"{conversationId}|{seq:D10}";
}
