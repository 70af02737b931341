using Npgsql;

namespace SmbBot.PostgreSql;

/// <summary>Which engine holds SmbBot's state (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>One LiteDB file in the data folder; no server (the default).</summary>
    LiteDb,

    /// <summary>A PostgreSQL database shared by every host (<c>Storage:ConnectionString</c>).</summary>
    PostgreSql,
}

/// <summary>The checks of <c>Storage:Provider</c> and <c>Storage:ConnectionString</c>, as messages that name the setting.</summary>
public static class StorageSettings
{
    /// <summary>
    /// The provider named by <paramref name="provider"/> (case-insensitive; empty is LiteDb) and what is wrong with the
    /// pair; no problems means the settings are usable (<see cref="Incomplete"/> is checked later, at start). A connection string is never repeated in a message: it may
    /// hold a password.
    /// </summary>
    public static (StorageProvider? Provider, IReadOnlyList<string> Problems) Check(string? provider, string? connectionString)
    {
        StorageProvider? chosen = string.IsNullOrWhiteSpace(provider) ? StorageProvider.LiteDb
            : Enum.TryParse<StorageProvider>(provider.Trim(), ignoreCase: true, out var p) && Enum.IsDefined(p) && !char.IsDigit(provider.Trim()[0]) ? p : null;
        if (chosen is null) return (null, [$"Storage:Provider must be LiteDb or PostgreSql, not '{provider}'"]);
        if (chosen == StorageProvider.LiteDb)
            return (chosen, string.IsNullOrWhiteSpace(connectionString) ? []
                : ["Storage:ConnectionString is set but Storage:Provider is LiteDb: set Storage:Provider to PostgreSql, or remove the connection string"]);
        if (string.IsNullOrWhiteSpace(connectionString))
            return (chosen, ["Storage:ConnectionString is required when Storage:Provider is PostgreSql (for example Host=db.internal;Database=smbbot;Username=smbbot;Password=…)"]);
        return (chosen, ConnectionStringProblem(connectionString) is { } problem ? [problem] : []);
    }

    /// <summary>
    /// Why the host may not run on PostgreSQL yet (some stores have no PostgreSQL implementation), or null. Checked at
    /// start after the database has been reached and migrated, so that a database that cannot be reached is reported first.
    /// </summary>
    public static string? Incomplete() => PostgreSqlStores.Missing.Count == 0 ? null
        : $"Storage:Provider PostgreSql is not complete yet: {string.Join(", ", PostgreSqlStores.Missing)} have no PostgreSQL store "
            + $"(done: {string.Join(", ", PostgreSqlStores.Done)}); use Storage:Provider LiteDb (the default) until they do";

    /// <summary>Where a connection string points (server, port, database), for messages: never the user or the password.</summary>
    public static string Describe(string connectionString)
    {
        var parsed = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{parsed.Host}:{parsed.Port}/{parsed.Database ?? parsed.Username ?? "(default database)"}";
    }

    private static string? ConnectionStringProblem(string connectionString)
    {
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            var why = e is ArgumentException { ParamName: "keyword" } ? $": {e.Message}" : "";
            return $"Storage:ConnectionString is not a valid PostgreSQL connection string{why} (use Npgsql's form, Host=…;Database=…;Username=…;Password=…)";
        }
        return string.IsNullOrWhiteSpace(parsed.Host) ? "Storage:ConnectionString names no server: add Host=… (a name or address)" : null;
    }
}
