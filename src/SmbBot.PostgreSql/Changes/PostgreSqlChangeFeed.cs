using Npgsql;
using SmbBot.Core.Storage;

namespace SmbBot.PostgreSql.Changes;

/// <summary>
/// The change feed over PostgreSQL <c>LISTEN/NOTIFY</c> (channel <see cref="Channel"/>). Each notice carries the
/// publishing host's id, so a host ignores its own. <see cref="RunAsync"/> keeps one connection listening; when it
/// drops (the database restarting, a network cut) it connects again with growing waits and raises
/// <see cref="Change.Resync"/>, because notices sent meanwhile are gone.
/// </summary>
public sealed class PostgreSqlChangeFeed(NpgsqlDataSource database) : IChangeFeed
{
    /// <summary>The notification channel.</summary>
    public const string Channel = "smbbot_changes";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(10);
    private readonly string _origin = Guid.NewGuid().ToString("N");

    /// <inheritdoc/>
    public event Action<Change>? Received;

    /// <summary>Raised when listening failed (the feed connects again by itself); for the log.</summary>
    public event Action<Exception>? ListenFailed;

    /// <summary>True while the listening connection is up.</summary>
    public bool Listening { get; private set; }

    /// <inheritdoc/>
    public void Publish(string kind, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            using var notify = database.CreateCommand("SELECT pg_notify($1, $2)");
            notify.Parameters.Add(new() { Value = Channel });
            notify.Parameters.Add(new() { Value = $"{_origin}\n{kind}\n{key}" });
            notify.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // Best effort: the other hosts miss one live update; they resync when their own feed reconnects.
        }
    }

    /// <summary>
    /// The notice of <paramref name="kind"/> <paramref name="key"/> as a command to add to a caller's own write: PostgreSQL
    /// delivers it when that transaction commits, and never when it rolls back, at no extra round trip.
    /// </summary>
    public NpgsqlBatchCommand Notice(string kind, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(key);
        return new NpgsqlBatchCommand("SELECT pg_notify($1, $2)") { Parameters = { new() { Value = Channel }, new() { Value = $"{_origin}\n{kind}\n{key}" } } };
    }

    /// <summary>Listens until <paramref name="stoppingToken"/> stops it, connecting again after every failure.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var wait = FirstRetry;
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => OnNotice(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                Listening = true;
                if (!first) Received?.Invoke(Change.Resync);
                first = false;
                wait = FirstRetry;
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException or TimeoutException)
            {
                Listening = false;
                first = false;
                ListenFailed?.Invoke(e);
            }
            try { await Task.Delay(wait, stoppingToken); }
            catch (OperationCanceledException) { break; }
            wait = wait * 2 > LastRetry ? LastRetry : wait * 2;
        }
        Listening = false;
    }

    private void OnNotice(string payload)
    {
        var parts = payload.Split('\n', 3);
        if (parts.Length != 3 || parts[0] == _origin || parts[1].Length == 0) return;
        Received?.Invoke(new Change(parts[1], parts[2]));
    }
}
