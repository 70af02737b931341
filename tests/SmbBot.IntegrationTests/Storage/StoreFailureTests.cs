using LiteDB;
using Npgsql;
using SmbBot.Host.Runtime;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>Store errors of both engines are recognised, and a PostgreSQL error is logged without the values it quotes.</summary>
public class StoreFailureTests
{
    [Fact]
    public void Errors_of_either_store_are_store_failures_and_others_are_not()
    {
        Assert.True(StoreFailure.Is(new LiteException(0, "database is locked")));
        Assert.True(StoreFailure.Is(new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException())));
        Assert.True(StoreFailure.Is(new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)));
        Assert.False(StoreFailure.Is(new InvalidOperationException("a bug")));
        Assert.False(StoreFailure.Is(new IOException("disk")));
    }

    [Fact]
    public void A_PostgreSQL_error_is_described_by_kind_and_state_never_by_the_values_it_quotes()
    {
        var refused = new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation,
            detail: "Key (email)=(jane.customer@example.com) already exists.");
        var down = new NpgsqlException("Failed to connect to 10.0.0.5:5432", new System.Net.Sockets.SocketException());

        Assert.Equal("PostgresException 23505", StoreFailure.Describe(refused));
        Assert.Equal("NpgsqlException (SocketException)", StoreFailure.Describe(down));
        Assert.DoesNotContain("jane", StoreFailure.Describe(refused));
        Assert.Equal("database is locked", StoreFailure.Describe(new LiteException(0, "database is locked")));
    }
}
