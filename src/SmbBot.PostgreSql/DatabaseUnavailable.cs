using System.Net.Sockets;
using Npgsql;

namespace SmbBot.PostgreSql;

/// <summary>
/// Tells "the database cannot be reached right now" (server stopped, restarting, refusing connections, connection
/// dropped, no answer in time) from errors a retry would not fix (a constraint, a bug). The first is answered with 503
/// and Retry-After and passes by itself once the server is back: Npgsql opens new connections for the pool.
/// </summary>
public static class DatabaseUnavailable
{
    // Class 08 (connection exception) is matched by prefix; these are the others that mean "not now".
    private static readonly HashSet<string> NotNow =
    [
        PostgresErrorCodes.AdminShutdown, PostgresErrorCodes.CrashShutdown, PostgresErrorCodes.CannotConnectNow,
        PostgresErrorCodes.TooManyConnections, PostgresErrorCodes.DatabaseDropped, PostgresErrorCodes.IdleSessionTimeout,
    ];

    /// <summary>
    /// A short reason without customer data (the error kind and, from the server, its SQLSTATE) when
    /// <paramref name="error"/> or an exception inside it means the database is unavailable; otherwise null.
    /// </summary>
    public static string? Reason(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || NotNow.Contains(pg.SqlState)
                        ? $"the server answered {pg.SqlState}" : null;
                case NpgsqlException npgsql:
                    return npgsql.InnerException switch
                    {
                        SocketException socket => $"{socket.SocketErrorCode}",
                        TimeoutException => "no answer in time",
                        IOException => "the connection was dropped",
                        _ => npgsql.IsTransient ? "a transient connection error" : null,
                    };
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Select(Reason).FirstOrDefault(r => r is not null);
            }
        }
        return null;
    }
}
