using Npgsql;
using SmbBot.Core.Conversations;

namespace SmbBot.PostgreSql.Conversations;

/// <summary>
/// One turn at a time per conversation across every host on the database: a session advisory lock on the
/// conversation id's hash, held on a connection of its own for the turn. A host that dies mid-turn loses its
/// connection, and PostgreSQL releases the lock with it; a connection returned to the pool is reset, which releases
/// any lock left behind. Waiting longer than <paramref name="wait"/> ends the turn with
/// <see cref="ConversationBusyException"/> instead of queueing behind a stuck turn for ever.
/// </summary>
public sealed class PostgreSqlConversationLocks(NpgsqlDataSource database, TimeSpan wait) : IConversationLocks
{
    /// <summary>The first key of every conversation lock ("Conv" in ASCII); the second is the id's hash.</summary>
    public const int LockClass = 0x436F6E76;

    /// <summary>How long a turn waits by default for another turn of its conversation.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);

    /// <inheritdoc/>
    public async Task<IDisposable> EnterAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var connection = await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var batch = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    new("SELECT set_config('lock_timeout', $1, false)") { Parameters = { new() { Value = $"{(long)wait.TotalMilliseconds}ms" } } },
                    new("SELECT pg_advisory_lock($1, hashtext($2))") { Parameters = { new() { Value = LockClass }, new() { Value = conversationId } } },
                },
            };
            await batch.ExecuteNonQueryAsync(cancellationToken);
            return new Held(connection, conversationId);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            await connection.DisposeAsync();
            throw new ConversationBusyException(wait);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection connection, string conversationId) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) != 0) return;
            try
            {
                using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1, hashtext($2))", connection)
                {
                    Parameters = { new() { Value = LockClass }, new() { Value = conversationId } },
                };
                unlock.ExecuteNonQuery();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // The connection is gone, and the lock went with it.
            }
            finally
            {
                connection.Dispose();
            }
        }
    }
}
