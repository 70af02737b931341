using Npgsql;
using SmbBot.IntegrationTests.Infrastructure;
using SmbBot.PostgreSql.Migrations;
using SmbBot.PostgreSql.Tickets;

namespace SmbBot.Benchmarks;

/// <summary>
/// The staff queue at many tickets on PostgreSQL beside LiteDB, same tickets and same reads (<see cref="TicketStoreBench"/>):
/// a throw-away PostgreSQL 15 cluster (as the tests start it: no fsync) and a LiteDB file in a temp folder.
/// </summary>
public static class PostgresQueueBench
{
    public static void Run(int tickets, int open)
    {
        var folder = RepoPaths.NewTempFolder();
        try
        {
            Print("LiteDB", TicketStoreBench.Run(folder, tickets, open));
            using var cluster = new PostgreSqlTestCluster();
            using var db = NpgsqlDataSource.Create(cluster.NewDatabase());
            SchemaMigrator.ApplyAsync(db).GetAwaiter().GetResult();
            Print("PostgreSQL", TicketStoreBench.Run(new PostgreSqlTicketStore(db), tickets, open, () => Scalar(db, "SELECT pg_total_relation_size('tickets')") / (1024 * 1024),
                // Autovacuum would analyze the new rows within a minute; the benchmark does not wait for it.
                () => Scalar(db, "ANALYZE tickets")));
        }
        finally
        {
            RepoPaths.DeleteFolder(folder);
        }
    }

    private static void Print(string engine, TicketStoreBench.Result r) =>
        Console.WriteLine($"{engine}: {r.Tickets} tickets ({r.Open} open), {r.FileMb} MB, filled in {r.FillSeconds:0.0} s: queue first page {r.FirstPageMs:0.00} ms, " +
            $"one ticket {r.OneTicketMs:0.00} ms, append a message {r.AppendMs:0.00} ms (medians of 20)");

    private static long Scalar(NpgsqlDataSource db, string sql)
    {
        using var command = db.CreateCommand(sql);
        return command.ExecuteScalar() is long n ? n : 0;
    }
}
