using System.Diagnostics;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using SmbBot.Core.DirectLine;
using SmbBot.Core.Storage;
using SmbBot.PostgreSql.Changes;
using SmbBot.PostgreSql.Tickets;

namespace SmbBot.PostgreSql.DirectLine;

/// <summary>
/// The Direct Line channel in PostgreSQL (tables <c>dl_conversations</c>, <c>dl_activities</c>). An append locks the
/// conversation's row (<c>FOR UPDATE</c>) and writes the activity with the conversation's new last number in the same
/// transaction, so hosts appending to one conversation at once number its activities 1, 2, 3 … with no gap and no
/// repeat. A wait for the next activity is woken at once by an append of this process and, with the change feed, by
/// another host's append: the append's transaction carries a notice (kind <see cref="ChatKind"/>) that PostgreSQL
/// delivers when it commits. A wait still reads the database again every <c>crossHostPoll</c> for a notice that was lost:
/// by default every <see cref="FeedPoll"/> while the feed listens, every <see cref="NoFeedPoll"/> without it or while it
/// is down, and at once after it reconnects (its resync). The channel's stored bytes, for its quota, are
/// summed over the conversations at most once a second per host and counted on with this host's appends in between.
/// </summary>
public sealed class PostgreSqlDirectLineStore : IDirectLineStore
{
    /// <summary>The change feed's kind for a Direct Line append; the key is the conversation id.</summary>
    public const string ChatKind = "dl";

    /// <summary>The re-read bound while the change feed listens: only a lost notice waits this long.</summary>
    public static readonly TimeSpan FeedPoll = TimeSpan.FromSeconds(5);

    /// <summary>The re-read bound with no change feed, or while it is down.</summary>
    public static readonly TimeSpan NoFeedPoll = TimeSpan.FromSeconds(1);

    private const string Columns = "id, user_id, verified, created_at, last_active_at, last_seq, stored_bytes, token_generation";
    private static readonly TimeSpan ChannelBytesAge = TimeSpan.FromSeconds(1);
    private readonly NpgsqlDataSource _database;
    private readonly DirectLineLimits _limits;
    private readonly PostgreSqlChangeFeed? _feed;
    private readonly TimeSpan? _poll;
    private readonly AppendSignal _signal = new();
    private readonly Lock _channel = new();
    private long _channelBytes;
    private long? _channelBytesReadAt;

    /// <summary>
    /// The store on <paramref name="database"/>; with <paramref name="feed"/>, appends notify the other hosts and their
    /// notices wake this host's waits. <paramref name="crossHostPoll"/> replaces the default re-read bounds.
    /// </summary>
    public PostgreSqlDirectLineStore(NpgsqlDataSource database, DirectLineLimits limits, PostgreSqlChangeFeed? feed = null, TimeSpan? crossHostPoll = null)
    {
        (_database, _limits, _feed, _poll) = (database, limits, feed, crossHostPoll);
        if (feed is not null) feed.Received += OnReceived;
    }

    /// <inheritdoc/>
    public DirectLineConversation? Get(string conversationId)
    {
        using var read = _database.CreateCommand($"SELECT {Columns} FROM dl_conversations WHERE id = $1");
        read.Parameters.Add(new() { Value = conversationId });
        return ReadAll(read) is [var found] ? found : null;
    }

    /// <inheritdoc/>
    public (DirectLineConversation Conversation, bool Created)? GetOrCreate(string id, string userId, bool verified, DateTime now)
    {
        while (true)
        {
            if (Get(id) is { } existing) return (existing, false);
            if (ChannelBytes() >= _limits.StorageQuotaBytes) return null;
            using var insert = _database.CreateCommand($"""
                INSERT INTO dl_conversations (id, user_id, verified, created_at, last_active_at) VALUES ($1, $2, $3, $4, $4)
                ON CONFLICT (id) DO NOTHING RETURNING {Columns}
                """);
            insert.Parameters.Add(new() { Value = id });
            insert.Parameters.Add(new() { Value = userId });
            insert.Parameters.Add(new() { Value = verified });
            insert.Parameters.Add(new() { Value = TicketRow.Utc(now), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            if (ReadAll(insert) is [var created]) return (created, true);
            // Another host created it between the read and the insert: read it again.
        }
    }

    /// <inheritdoc/>
    public int? RenewTokenGeneration(string conversationId, int presented)
    {
        using var renew = _database.CreateCommand("""
            UPDATE dl_conversations SET token_generation = token_generation + 1
            WHERE id = $1 AND token_generation <= $2 RETURNING token_generation
            """);
        renew.Parameters.Add(new() { Value = conversationId });
        renew.Parameters.Add(new() { Value = presented });
        return renew.ExecuteScalar() is int generation ? generation : null;
    }

    /// <inheritdoc/>
    public Appended Append(string conversationId, DateTime now, Func<int, string> build, bool withinQuota)
    {
        int seq;
        string json;
        // Read before the row lock is taken, so no conversation waits for the sum.
        var totalBytes = withinQuota ? ChannelBytes() : 0;
        using (var connection = _database.OpenConnection())
        using (var transaction = connection.BeginTransaction())
        {
            using var read = new NpgsqlCommand("SELECT last_seq, stored_bytes FROM dl_conversations WHERE id = $1 FOR UPDATE", connection)
            {
                Parameters = { new() { Value = conversationId } },
            };
            long conversationBytes;
            using (var reader = read.ExecuteReader())
            {
                if (!reader.Read()) return new(AppendOutcome.NoConversation);
                (seq, conversationBytes) = (reader.GetInt32(0) + 1, reader.GetInt64(1));
            }
            json = build(seq);
            var bytes = Encoding.UTF8.GetByteCount(json);
            var check = StorageQuota.Check(conversationBytes, totalBytes, bytes, _limits.ConversationQuotaBytes, _limits.StorageQuotaBytes);
            if (withinQuota && check != AppendOutcome.Stored) return new(check);
            using var write = new NpgsqlBatch(connection);
            write.BatchCommands.Add(new("INSERT INTO dl_activities (conversation_id, seq, bytes, json) VALUES ($1, $2, $3, $4)")
            {
                Parameters = { new() { Value = conversationId }, new() { Value = seq }, new() { Value = bytes }, new() { Value = json, NpgsqlDbType = NpgsqlDbType.Text } },
            });
            // The history limit drops the activity that falls out of it, and gives its bytes back.
            write.BatchCommands.Add(new("""
                WITH dropped AS (DELETE FROM dl_activities WHERE conversation_id = $1 AND seq = $2 RETURNING bytes)
                UPDATE dl_conversations SET last_seq = $3, last_active_at = $4,
                    stored_bytes = greatest(0, stored_bytes + $5 - coalesce((SELECT sum(bytes) FROM dropped), 0))
                WHERE id = $1
                """)
            {
                Parameters =
                {
                    new() { Value = conversationId }, new() { Value = seq - _limits.MaxHistory }, new() { Value = seq },
                    new() { Value = TicketRow.Utc(now), NpgsqlDbType = NpgsqlDbType.TimestampTz }, new() { Value = (long)bytes },
                },
            });
            if (_feed is not null) write.BatchCommands.Add(_feed.Notice(ChatKind, conversationId));
            write.ExecuteNonQuery();
            transaction.Commit();
            // A dropped activity's bytes are not subtracted here: the count errs high until the next sum.
            lock (_channel) _channelBytes += bytes;
        }
        _signal.Wake(conversationId);
        return new(AppendOutcome.Stored, seq, json);
    }

    /// <inheritdoc/>
    /// <remarks>The byte bound is applied in the database, so only the page's JSON crosses the network.</remarks>
    public IReadOnlyList<DirectLineActivity> After(string conversationId, int watermark, long maxBytes, int maxCount = 500)
    {
        using var read = _database.CreateCommand("""
            SELECT seq, json FROM (
                SELECT seq, json, bytes, sum(bytes) OVER (ORDER BY seq) AS upto
                FROM (SELECT seq, json, bytes FROM dl_activities WHERE conversation_id = $1 AND seq > $2 ORDER BY seq LIMIT $3) page
            ) counted
            WHERE upto <= $4 OR upto = bytes
            ORDER BY seq
            """);
        read.Parameters.Add(new() { Value = conversationId });
        read.Parameters.Add(new() { Value = watermark });
        read.Parameters.Add(new() { Value = Math.Max(0, maxCount) });
        read.Parameters.Add(new() { Value = maxBytes });
        var page = new List<DirectLineActivity>();
        using var reader = read.ExecuteReader();
        while (reader.Read())
        {
            var seq = reader.GetInt32(0);
            page.Add(new DirectLineActivity { Key = $"{conversationId}|{seq:D10}", ConversationId = conversationId, Seq = seq, Json = reader.GetString(1) });
        }
        return page;
    }

    /// <inheritdoc/>
    public async Task ChangedAsync(string conversationId, int seenSeq, CancellationToken cancellationToken)
    {
        while (!await _signal.WaitAsync(conversationId, () => Get(conversationId) is { } c && c.LastSeq > seenSeq, Poll, cancellationToken))
        {
            // No wake within the bound: the next round reads the database for an append whose notice was lost.
        }
    }

    private TimeSpan Poll => _poll ?? (_feed is { Listening: true } ? FeedPoll : NoFeedPoll);

    private void OnReceived(Change change)
    {
        if (change.Kind == ChatKind) _signal.Wake(change.Key);
        else if (change.Kind == Change.ResyncKind) _signal.WakeAll();
    }

    /// <inheritdoc/>
    public int ExpireIdle(DateTime cutoff)
    {
        using var delete = _database.CreateCommand("DELETE FROM dl_conversations WHERE last_active_at < $1");
        delete.Parameters.Add(new() { Value = TicketRow.Utc(cutoff), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return Freed(delete.ExecuteNonQuery());
    }

    /// <inheritdoc/>
    public IReadOnlyList<DirectLineConversation> Of(IReadOnlySet<string> userIds, IReadOnlySet<string> conversationIds)
    {
        using var read = _database.CreateCommand($"SELECT {Columns} FROM dl_conversations WHERE user_id = ANY($1) OR id = ANY($2) ORDER BY id");
        read.Parameters.Add(new() { Value = userIds.ToArray() });
        read.Parameters.Add(new() { Value = conversationIds.ToArray() });
        return ReadAll(read);
    }

    /// <inheritdoc/>
    public int Delete(IEnumerable<string> conversationIds)
    {
        using var delete = _database.CreateCommand("DELETE FROM dl_conversations WHERE id = ANY($1)");
        delete.Parameters.Add(new() { Value = conversationIds.Distinct().ToArray() });
        return Freed(delete.ExecuteNonQuery());
    }

    /// <summary>UTF-8 bytes of all stored activities: summed at most <see cref="ChannelBytesAge"/> ago, with this host's appends since.</summary>
    private long ChannelBytes()
    {
        lock (_channel)
            if (_channelBytesReadAt is { } readAt && Stopwatch.GetElapsedTime(readAt) < ChannelBytesAge) return _channelBytes;
        var readAtNow = Stopwatch.GetTimestamp();
        using var sum = _database.CreateCommand("SELECT coalesce(sum(stored_bytes), 0)::bigint FROM dl_conversations");
        var total = (long)sum.ExecuteScalar()!;
        lock (_channel) (_channelBytes, _channelBytesReadAt) = (total, readAtNow);
        return total;
    }

    /// <summary>After a delete, the next quota check sums again.</summary>
    private int Freed(int deleted)
    {
        lock (_channel) _channelBytesReadAt = null;
        return deleted;
    }

    private static DirectLineConversation[] ReadAll(NpgsqlCommand command)
    {
        using var reader = command.ExecuteReader();
        var found = new List<DirectLineConversation>();
        while (reader.Read())
        {
            found.Add(new DirectLineConversation
            {
                Id = reader.GetString(0), UserId = reader.GetString(1), Verified = reader.GetBoolean(2),
                CreatedAt = reader.GetDateTime(3), LastActiveAt = reader.GetDateTime(4), LastSeq = reader.GetInt32(5),
                StoredBytes = reader.GetInt64(6), TokenGeneration = reader.GetInt32(7),
            });
        }
        return [.. found];
    }
}
