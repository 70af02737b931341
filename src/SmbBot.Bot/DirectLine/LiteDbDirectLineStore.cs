using System.Text;
using LiteDB;
using SmbBot.Core.DirectLine;

namespace SmbBot.Bot.DirectLine;

/// <summary>
/// The channel's conversations and activities in LiteDB (collections <c>dl_conversations</c>, <c>dl_activities</c>),
/// so a page reload, or a restart of the host, resumes the chat. History is bounded per conversation, stored bytes
/// per conversation and in all.
/// </summary>
public sealed class LiteDbDirectLineStore : IDirectLineStore
{
    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<DirectLineConversation> _conversations;
    private readonly ILiteCollection<DirectLineActivity> _activities;
    private readonly Lock _write = new();
    private readonly AppendSignal _signal = new();
    private readonly DirectLineOptions _options;
    private long _storedBytes;

    public LiteDbDirectLineStore(ILiteDatabase database, DirectLineOptions options)
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

    /// <inheritdoc/>
    public DirectLineConversation? Get(string conversationId) => _conversations.FindById(conversationId);

    /// <inheritdoc/>
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

    /// <inheritdoc/>
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

    /// <inheritdoc/>
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
        _signal.Wake(conversationId);
        return added;
    }

    /// <inheritdoc/>
    /// <remarks>Read one at a time, so a poll never holds more than one page.</remarks>
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

    /// <inheritdoc/>
    public Task ChangedAsync(string conversationId, int seenSeq, CancellationToken cancellationToken) =>
        _signal.WaitAsync(conversationId, () => Get(conversationId) is { } c && c.LastSeq > seenSeq, atMost: null, cancellationToken);

    /// <summary>How many conversations are waited on now.</summary>
    public int WaitedOn => _signal.WaitedOn;

    /// <inheritdoc/>
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

    /// <inheritdoc/>
    /// <remarks>A full scan of conversations: admin use only.</remarks>
    public IReadOnlyList<DirectLineConversation> Of(IReadOnlySet<string> userIds, IReadOnlySet<string> conversationIds) =>
        _conversations.FindAll().Where(c => userIds.Contains(c.UserId) || conversationIds.Contains(c.Id)).ToArray();

    /// <inheritdoc/>
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
