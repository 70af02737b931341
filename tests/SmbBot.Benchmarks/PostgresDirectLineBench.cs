using System.Diagnostics;
using Npgsql;
using SmbBot.Core.DirectLine;
using SmbBot.IntegrationTests.Infrastructure;
using SmbBot.PostgreSql.DirectLine;
using SmbBot.PostgreSql.Migrations;

namespace SmbBot.Benchmarks;

/// <summary>
/// The Direct Line store on PostgreSQL as the channel grows: a customer's post (which sums the channel's stored bytes
/// for its quota), the bot's reply (which does not), a poll's page and a new conversation, at 1,000, 10,000 and
/// <c>conversations</c> stored conversations of 20 activities each, on a throw-away cluster (as the tests start it).
/// </summary>
public static class PostgresDirectLineBench
{
    private const int Activities = 20;

    public static void Run(int conversations)
    {
        using var cluster = new PostgreSqlTestCluster();
        using var db = NpgsqlDataSource.Create(cluster.NewDatabase());
        SchemaMigrator.ApplyAsync(db).GetAwaiter().GetResult();
        var store = new PostgreSqlDirectLineStore(db, new DirectLineLimits(10L << 20, 1L << 40, 1000));
        var activity = "{\"type\":\"message\",\"text\":\"" + new string('x', 400) + "\"}";
        var filled = 0;
        foreach (var size in new[] { 1_000, 10_000, conversations }.Where(n => n <= conversations).Distinct())
        {
            Fill(db, filled, size, activity);
            filled = size;
            Execute(db, "ANALYZE");
            var (post, reply, poll, start) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
            for (int i = 0; i < 50; i++)
            {
                var id = $"c{i * (size / 50)}";
                post.Add(Time(() => store.Append(id, DateTime.UtcNow, _ => activity, withinQuota: true)));
                reply.Add(Time(() => store.Append(id, DateTime.UtcNow, _ => activity, withinQuota: false)));
                poll.Add(Time(() => store.After(id, Activities - 3, 1024 * 1024)));
                start.Add(Time(() => store.GetOrCreate($"new-{size}-{i}", "u", false, DateTime.UtcNow)));
            }
            Console.WriteLine($"{size} conversations ({size * Activities} activities): customer post {Median(post):0.00} ms, bot reply {Median(reply):0.00} ms, " +
                $"poll page {Median(poll):0.00} ms, new conversation {Median(start):0.00} ms (medians of 50)");
        }
    }

    private static void Fill(NpgsqlDataSource db, int from, int to, string activity)
    {
        using var batch = db.CreateBatch();
        batch.Timeout = 0; // a big fill on a busy machine takes minutes
        batch.BatchCommands.Add(new($"""
            INSERT INTO dl_conversations (id, user_id, verified, created_at, last_active_at, last_seq, stored_bytes)
            SELECT 'c' || n, 'u' || n, false, now(), now(), {Activities}, {Activities} * octet_length($1) FROM generate_series({from}, {to - 1}) n
            """) { Parameters = { new() { Value = activity } } });
        batch.BatchCommands.Add(new($"""
            INSERT INTO dl_activities (conversation_id, seq, bytes, json)
            SELECT 'c' || n, s, octet_length($1), $1 FROM generate_series({from}, {to - 1}) n, generate_series(1, {Activities}) s
            """) { Parameters = { new() { Value = activity } } });
        batch.ExecuteNonQuery();
    }

    private static void Execute(NpgsqlDataSource db, string sql)
    {
        using var command = db.CreateCommand(sql);
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
