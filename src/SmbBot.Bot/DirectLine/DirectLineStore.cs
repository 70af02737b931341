using System.Text;
using LiteDB;

namespace SmbBot.Bot.DirectLine;

/// <summary>
/// The channel's conversations and activities in LiteDB (collections <c>dl_conversations</c>, <c>dl_activities</c>),
/// so a page reload, or a restart of the host, resumes the chat. History is bounded per conversation, stored bytes
/// per conversation and in all.
/// </summary>
public sealed class DirectLineStore
{
    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<DirectLineConversation> _conversations;
    private readonly ILiteCollection<DirectLineActivity> _activities;
    private readonly Lock _write = new();
    private readonly Dictionary<string, Waiters> _waiting = new();
    private readonly DirectLineOptions _options;
    private long _storedBytes;

    public DirectLineStore(ILiteDatabase database, DirectLineOptions options)
    {
        _database = database;
        _conversations = database.GetCollection<DirectLineConversation>("dl_conversations");
        _conversations.EnsureIndex(c => c.LastActiveAt);
        _activities = database.GetCollection<DirectLineActivity>("dl_activities");
        _options = options;
        _storedBytes = _conversations.FindAll().Sum(c => c.StoredBytes);
    }

    /// <summary>UTF-8 bytes of all stored activities.</summary>
    public long StoredBytes => Interlocked.Read(ref _storedBytes);

    private long ConversationQuota => _options.ConversationQuotaMegabytes * 1024L * 1024;

    private long TotalQuota => _options.StorageQuotaMegabytes * 1024L * 1024;

    public DirectLineConversation? Get(string conversationId) => _conversations.FindById(conversationId);

    /// <summary>
    /// Creates the conversation unless it exists; returns it and whether it is new. Null when it does not exist and
    /// the channel's storage quota is used up.
    /// </summary>
    public (DirectLineConversation Conversation, bool Created)? GetOrCreate(string id, string userId, bool verified, DateTime now)
    {
        lock (_write)
        {
            if (_conversations.FindById(id) is { } existing) return (existing, false);
            if (_storedBytes >= TotalQuota) return null;
            var conversation = new DirectLineConversation { Id = id, UserId = userId, Verified = verified, CreatedAt = now, LastActiveAt = now };
            _conversations.Insert(conversation);
            return (conversation, true);
        }
    }

    /// <summary>
    /// Replaces the token generation <paramref name="presented"/> with the next one and returns it; null when the
    /// conversation does not exist or the presented generation has already been replaced.
    /// </summary>
    public int? RenewTokenGeneration(string conversationId, int presented)
    {
        lock (_write)
        {
            if (_conversations.FindById(conversationId) is not { } conversation || presented < conversation.TokenGeneration) return null;
            conversation.TokenGeneration++;
            _conversations.Update(conversation);
            return conversation.TokenGeneration;
        }
    }

    /// <summary>
    /// Stores an activity: <paramref name="build"/> gets its sequence number and returns the final JSON. Wakes anyone
    /// waiting on the conversation. With <paramref name="withinQuota"/>, refuses (storing nothing) an activity that
    /// would take the conversation or the channel over its storage quota.
    /// </summary>
    public Appended Append(string conversationId, DateTime now, Func<int, string> build, bool withinQuota)
    {
        Appended added;
        lock (_write)
        {
            var conversation = _conversations.FindById(conversationId);
            if (conversation is null) return new(AppendOutcome.NoConversation);
            var seq = conversation.LastSeq + 1;
            var json = build(seq);
            var bytes = Encoding.UTF8.GetByteCount(json);
            var check = StorageQuota.Check(conversation.StoredBytes, _storedBytes, bytes, ConversationQuota, TotalQuota);
            if (withinQuota && check != AppendOutcome.Stored) return new(check);
            var dropped = seq > _options.MaxHistory ? _activities.FindById(Key(conversationId, seq - _options.MaxHistory)) : null;
            var droppedBytes = dropped is null ? 0 : Encoding.UTF8.GetByteCount(dropped.Json);
            // One transaction, so one flush to disk per activity: the writes of an append are durable together.
            _database.BeginTrans();
            try
            {
                _activities.Insert(new DirectLineActivity { Key = Key(conversationId, seq), ConversationId = conversationId, Seq = seq, Json = json });
                if (dropped is not null) _activities.Delete(dropped.Key);
                conversation.LastSeq = seq;
                conversation.LastActiveAt = now;
                conversation.StoredBytes = Math.Max(0, conversation.StoredBytes + bytes - droppedBytes);
                _conversations.Update(conversation);
                _database.Commit();
            }
            catch
            {
                _database.Rollback();
                throw;
            }
            Interlocked.Add(ref _storedBytes, bytes - droppedBytes);
            added = new(AppendOutcome.Stored, seq, json);
        }
        Waiters? woken;
        lock (_waiting) _waiting.Remove(conversationId, out woken);
        woken?.Changed.TrySetResult();
        return added;
    }

    /// <summary>
    /// Activities after <paramref name="watermark"/>, oldest first: at most <paramref name="maxCount"/>, and no more
    /// than <paramref name="maxBytes"/> of them unless the first alone is larger. Read one at a time, so a poll never
    /// holds more than one page.
    /// </summary>
    public IReadOnlyList<DirectLineActivity> After(string conversationId, int watermark, long maxBytes, int maxCount = 500)
    {
        var page = new List<DirectLineActivity>();
        long bytes = 0;
        foreach (var activity in _activities.Find(Range(conversationId, watermark + 1), limit: maxCount))
        {
            var size = Encoding.UTF8.GetByteCount(activity.Json);
            if (page.Count > 0 && bytes + size > maxBytes) break;
            page.Add(activity);
            bytes += size;
        }
        return page;
    }

    // A parameterised expression: LiteDB parses and compiles it once and caches it; an expression with the values
    // written into it (Query.Between) was compiled again on every poll.
    private static BsonExpression Range(string conversationId, int fromSeq) =>
        BsonExpression.Create("$._id BETWEEN @0 AND @1", Key(conversationId, fromSeq), Key(conversationId, int.MaxValue));

    /// <summary>
    /// Completes when something is appended to the conversation (or at once if it already has been). The conversation
    /// is listed as waited on only while someone waits, so a closed stream leaves nothing behind.
    /// </summary>
    public async Task ChangedAsync(string conversationId, int seenSeq, CancellationToken cancellationToken)
    {
        Waiters waiters;
        lock (_waiting)
        {
            if (!_waiting.TryGetValue(conversationId, out waiters!)) _waiting[conversationId] = waiters = new Waiters();
            waiters.Count++;
        }
        try
        {
            if (Get(conversationId) is { } c && c.LastSeq > seenSeq) return;
            await waiters.Changed.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            lock (_waiting)
            {
                if (--waiters.Count == 0 && _waiting.TryGetValue(conversationId, out var listed) && listed == waiters) _waiting.Remove(conversationId);
            }
        }
    }

    /// <summary>How many conversations are waited on now.</summary>
    public int WaitedOn
    {
        get { lock (_waiting) return _waiting.Count; }
    }

    private sealed class Waiters
    {
        public readonly TaskCompletionSource Changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Count;
    }

    /// <summary>Deletes conversations idle since before <paramref name="cutoff"/>, with their activities.</summary>
    public int ExpireIdle(DateTime cutoff)
    {
        var idle = _conversations.Find(c => c.LastActiveAt < cutoff).Select(c => c.Id).ToArray();
        lock (_write)
        {
            foreach (var id in idle)
            {
                if (_conversations.FindById(id) is not { } conversation) continue;
                _activities.DeleteMany(Range(id, 0));
                _conversations.Delete(id);
                Interlocked.Add(ref _storedBytes, -conversation.StoredBytes);
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
                if (_conversations.FindById(id) is not { } conversation) continue;
                _activities.DeleteMany(Range(id, 0));
                if (_conversations.Delete(id)) deleted++;
                Interlocked.Add(ref _storedBytes, -conversation.StoredBytes);
            }
        }
        return deleted;
    }

    private static string Key(string conversationId, int seq) => $"{conversationId}|{seq:D10}";
}
