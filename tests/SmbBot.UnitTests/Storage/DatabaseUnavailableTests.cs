using System.Net.Sockets;
using Npgsql;
using SmbBot.PostgreSql;

namespace SmbBot.UnitTests.Storage;

public sealed class DatabaseUnavailableTests
{
    private static PostgresException Server(string sqlState) => new("message", "FATAL", "FATAL", sqlState);

    public static TheoryData<Exception> Unavailable => new()
    {
        new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)),
        new NpgsqlException("Exception while reading from stream", new IOException("Unable to read data from the transport connection")),
        new NpgsqlException("The operation has timed out", new TimeoutException()),
        Server(PostgresErrorCodes.AdminShutdown),
        Server(PostgresErrorCodes.CannotConnectNow),
        Server(PostgresErrorCodes.TooManyConnections),
        Server("08006"),
        new InvalidOperationException("wrapped", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))),
        new AggregateException(new ArgumentException("other"), Server(PostgresErrorCodes.CrashShutdown)),
    };

    public static TheoryData<Exception> Other => new()
    {
        Server(PostgresErrorCodes.UniqueViolation),
        Server(PostgresErrorCodes.UndefinedTable),
        Server(PostgresErrorCodes.LockNotAvailable),
        new NpgsqlException("a protocol error"),
        new InvalidOperationException("a bug"),
        new IOException("disk full"),
        new TimeoutException("not from the database"),
    };

    [Theory]
    [MemberData(nameof(Unavailable))]
    public void A_database_that_cannot_be_reached_is_unavailable(Exception error) =>
        Assert.NotNull(DatabaseUnavailable.Reason(error));

    [Theory]
    [MemberData(nameof(Other))]
    public void Errors_a_retry_would_not_fix_are_not(Exception error) =>
        Assert.Null(DatabaseUnavailable.Reason(error));

    [Fact]
    public void The_reason_names_the_kind_and_never_the_servers_message_text()
    {
        var reason = DatabaseUnavailable.Reason(new PostgresException("Key (email)=(jo@example.com) ...", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown));

        Assert.Equal("the server answered 57P01", reason);
        Assert.Equal("ConnectionRefused", DatabaseUnavailable.Reason(new NpgsqlException("x", new SocketException((int)SocketError.ConnectionRefused))));
    }
}
