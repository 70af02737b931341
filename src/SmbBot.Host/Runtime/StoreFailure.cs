using LiteDB;
using Npgsql;

namespace SmbBot.Host.Runtime;

/// <summary>
/// A store that could not be read or written, on either engine: LiteDB's own errors, or PostgreSQL unreachable or
/// refusing. Work that must not fail a customer's chat or a staff reply (queueing an alert or an e-mail, counting for
/// insight) catches these and logs them.
/// </summary>
public static class StoreFailure
{
    /// <summary>True for a store error of either engine.</summary>
    public static bool Is(Exception e) => e is LiteException or NpgsqlException;

    /// <summary>
    /// The error for the log: LiteDB's message (it names the file's problem), and for PostgreSQL the error's kind and
    /// SQL state only, since the server's message can quote the values it refused.
    /// </summary>
    public static string Describe(Exception e) => e switch
    {
        PostgresException p => $"{nameof(PostgresException)} {p.SqlState}",
        NpgsqlException => e.GetType().Name + (e.InnerException is { } inner ? $" ({inner.GetType().Name})" : ""),
        _ => e.Message,
    };
}
