using Npgsql;
using NpgsqlTypes;
using SmbBot.Core.Staff;
using SmbBot.PostgreSql.Tickets;

namespace SmbBot.PostgreSql.Staff;

/// <summary>
/// Failed sign-ins in PostgreSQL (table <c>sign_in_failures</c>), shared by every host. A failure is counted by one
/// upsert, so failures through two hosts at once are both counted; pairs quiet for longer than
/// <see cref="ISignInFailureStore.ForgetAfter"/> are deleted as failures come in.
/// </summary>
public sealed class PostgreSqlSignInFailureStore(NpgsqlDataSource database) : ISignInFailureStore
{
    /// <inheritdoc/>
    public SignInFailures? Get(string email, string address)
    {
        using var read = database.CreateCommand("SELECT count, last FROM sign_in_failures WHERE email = $1 AND address = $2");
        read.Parameters.Add(new() { Value = email });
        read.Parameters.Add(new() { Value = address });
        using var reader = read.ExecuteReader();
        return reader.Read() ? new SignInFailures(reader.GetInt32(0), reader.GetDateTime(1)) : null;
    }

    /// <inheritdoc/>
    public void Failed(string email, string address, DateTime now)
    {
        using var batch = database.CreateBatch();
        var at = TicketRow.Utc(now);
        // Quiet pairs go in passing; rows another failure holds are skipped, not waited for (no deadlock between two).
        batch.BatchCommands.Add(new("""
            DELETE FROM sign_in_failures WHERE (email, address) IN
                (SELECT email, address FROM sign_in_failures WHERE last < $1 LIMIT 100 FOR UPDATE SKIP LOCKED)
            """)
        {
            Parameters = { new() { Value = at - ISignInFailureStore.ForgetAfter, NpgsqlDbType = NpgsqlDbType.TimestampTz } },
        });
        batch.BatchCommands.Add(new("""
            INSERT INTO sign_in_failures (email, address, count, last) VALUES ($1, $2, 1, $3)
            ON CONFLICT (email, address) DO UPDATE SET
                count = CASE WHEN sign_in_failures.last < $4 THEN 1 ELSE sign_in_failures.count + 1 END,
                last = greatest(sign_in_failures.last, $3)
            """)
        {
            Parameters =
            {
                new() { Value = email }, new() { Value = address }, new() { Value = at, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new() { Value = at - ISignInFailureStore.ForgetAfter, NpgsqlDbType = NpgsqlDbType.TimestampTz },
            },
        });
        batch.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public void Succeeded(string email, string address)
    {
        using var delete = database.CreateCommand("DELETE FROM sign_in_failures WHERE email = $1 AND address = $2");
        delete.Parameters.Add(new() { Value = email });
        delete.Parameters.Add(new() { Value = address });
        delete.ExecuteNonQuery();
    }
}
