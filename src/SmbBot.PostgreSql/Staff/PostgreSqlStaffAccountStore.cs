using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using SmbBot.Core.Alerts;
using SmbBot.Core.Staff;
using SmbBot.PostgreSql.Tickets;

namespace SmbBot.PostgreSql.Staff;

/// <summary>
/// Staff accounts in PostgreSQL (table <c>staff_accounts</c>). The unique e-mail is the table's constraint, so two
/// hosts adding one e-mail at once store one account; disabling an admin locks every admin row first, so two hosts
/// disabling the last two admins at once leave one enabled.
/// </summary>
public sealed class PostgreSqlStaffAccountStore(NpgsqlDataSource database) : IStaffAccountStore
{
    private const string Columns = "id, email, display_name, role, password_hash, disabled, created_at, alerts, away, away_until";

    /// <inheritdoc/>
    public IReadOnlyList<StaffAccount> All()
    {
        using var read = database.CreateCommand($"SELECT {Columns} FROM staff_accounts");
        // Sorted here, as on LiteDB, rather than by the database's collation.
        return ReadAll(read).OrderBy(a => a.DisplayName).ToArray();
    }

    /// <inheritdoc/>
    public StaffAccount? Get(string id) => One("id", id);

    /// <inheritdoc/>
    public StaffAccount? FindByEmail(string email) => One("email", email);

    /// <inheritdoc/>
    public bool AnyAdmin()
    {
        using var read = database.CreateCommand($"SELECT EXISTS (SELECT 1 FROM staff_accounts WHERE role = '{StaffRoles.Admin}' AND NOT disabled)");
        return (bool)read.ExecuteScalar()!;
    }

    /// <inheritdoc/>
    public bool Insert(StaffAccount account)
    {
        using var insert = database.CreateCommand($"""
            INSERT INTO staff_accounts ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (email) DO NOTHING
            """);
        var p = insert.Parameters;
        p.Add(new() { Value = account.Id });
        p.Add(new() { Value = account.Email });
        p.Add(new() { Value = account.DisplayName });
        p.Add(new() { Value = account.Role });
        p.Add(new() { Value = account.PasswordHash });
        p.Add(new() { Value = account.Disabled });
        p.Add(new() { Value = TicketRow.Utc(account.CreatedAt), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        p.Add(Alerts(account.Alerts));
        p.Add(new() { Value = account.Away });
        p.Add(new() { Value = account.AwayUntil is { } until ? TicketRow.Utc(until) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return insert.ExecuteNonQuery() == 1;
    }

    /// <inheritdoc/>
    public bool SetPasswordHash(string id, string passwordHash) =>
        Update("password_hash = $2", id, new NpgsqlParameter { Value = passwordHash });

    /// <inheritdoc/>
    public bool SetAvailability(string id, bool away, DateTime? untilUtc) =>
        Update("away = $2, away_until = $3", id, new NpgsqlParameter { Value = away },
            new NpgsqlParameter { Value = away && untilUtc is { } until ? TicketRow.Utc(until) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });

    /// <inheritdoc/>
    public bool SetAlerts(string id, AlertChoices choices) => Update("alerts = $2", id, Alerts(choices));

    /// <inheritdoc/>
    public string? SetDisabled(string id, bool disabled)
    {
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var read = new NpgsqlCommand("SELECT role FROM staff_accounts WHERE id = $1", connection) { Parameters = { new() { Value = id } } };
        if (read.ExecuteScalar() is not string role) return "no such account";
        if (disabled && role == StaffRoles.Admin)
        {
            // Every admin row, in one order, so two hosts disabling admins at once wait for each other, not deadlock.
            using var admins = new NpgsqlCommand($"SELECT disabled FROM staff_accounts WHERE role = '{StaffRoles.Admin}' ORDER BY id FOR UPDATE", connection);
            var enabled = 0;
            using (var reader = admins.ExecuteReader())
                while (reader.Read()) enabled += reader.GetBoolean(0) ? 0 : 1;
            if (enabled <= 1) return "the last admin cannot be disabled";
        }
        using var write = new NpgsqlCommand("UPDATE staff_accounts SET disabled = $2 WHERE id = $1", connection)
        {
            Parameters = { new() { Value = id }, new() { Value = disabled } },
        };
        write.ExecuteNonQuery();
        transaction.Commit();
        return null;
    }

    private StaffAccount? One(string column, string value)
    {
        using var read = database.CreateCommand($"SELECT {Columns} FROM staff_accounts WHERE {column} = $1");
        read.Parameters.Add(new() { Value = value });
        return ReadAll(read).SingleOrDefault();
    }

    private bool Update(string set, string id, params NpgsqlParameter[] values)
    {
        using var update = database.CreateCommand($"UPDATE staff_accounts SET {set} WHERE id = $1");
        update.Parameters.Add(new() { Value = id });
        update.Parameters.AddRange(values);
        return update.ExecuteNonQuery() == 1;
    }

    private static NpgsqlParameter Alerts(AlertChoices? choices) =>
        new() { Value = choices is null ? DBNull.Value : JsonSerializer.Serialize(choices), NpgsqlDbType = NpgsqlDbType.Jsonb };

    private static List<StaffAccount> ReadAll(NpgsqlCommand command)
    {
        using var reader = command.ExecuteReader();
        var found = new List<StaffAccount>();
        while (reader.Read())
        {
            found.Add(new StaffAccount
            {
                Id = reader.GetString(0), Email = reader.GetString(1), DisplayName = reader.GetString(2), Role = reader.GetString(3),
                PasswordHash = reader.GetString(4), Disabled = reader.GetBoolean(5), CreatedAt = reader.GetDateTime(6),
                Alerts = reader.IsDBNull(7) ? null : JsonSerializer.Deserialize<AlertChoices>(reader.GetString(7)),
                Away = reader.GetBoolean(8), AwayUntil = reader.IsDBNull(9) ? null : reader.GetDateTime(9),
            });
        }
        return found;
    }
}
