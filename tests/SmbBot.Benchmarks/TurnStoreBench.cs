using System.Diagnostics;
using LiteDB;
using Npgsql;
using SmbBot.Core.Conversations;
using SmbBot.Core.Tickets;
using SmbBot.IntegrationTests.Infrastructure;
using SmbBot.PostgreSql.Conversations;
using SmbBot.PostgreSql.Migrations;
using SmbBot.PostgreSql.Tickets;

namespace SmbBot.Benchmarks;

/// <summary>
/// The store's share of one turn, on a LiteDB file and on PostgreSQL in one run: what <c>CustomerServiceBot</c> does
/// to the stores in a turn (the conversation record read at the start and written at the end; a ticket created when
/// the turn escalates), with a record of <c>transcript</c> messages. PostgreSQL's round trips are counted through a
/// relay (<see cref="RoundTripCounter"/>); the times are measured without it.
/// </summary>
public static class TurnStoreBench
{
    private sealed record Costs(double LoadMs, double SaveMs, double CreateMs, double LoadTrips = double.NaN, double SaveTrips = double.NaN, double CreateTrips = double.NaN);

    public static void Run(int runs, int transcript)
    {
        var folder = RepoPaths.NewTempFolder();
        try
        {
            var file = Path.Combine(folder, "bench-turn.db");
            Costs lite;
            using (var db = new LiteDatabase(new ConnectionString { Filename = file, Connection = ConnectionType.Direct }) { UtcDate = true })
                lite = Measure(new LiteDbConversationStore(db), new LiteDbTicketStore(db), runs, transcript, "lite");
            using var cluster = new PostgreSqlTestCluster();
            var database = cluster.NewDatabase();
            using var pg = NpgsqlDataSource.Create(database);
            SchemaMigrator.ApplyAsync(pg).GetAwaiter().GetResult();
            var postgres = Measure(new PostgreSqlConversationStore(pg), new PostgreSqlTicketStore(pg), runs, transcript, "timed");
            using var counter = new RoundTripCounter(cluster.Port);
            using var relayed = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database) { Port = counter.Port }.ConnectionString);
            var trips = Count(counter, new PostgreSqlConversationStore(relayed), new PostgreSqlTicketStore(relayed), transcript);
            postgres = postgres with { LoadTrips = trips.Load, SaveTrips = trips.Save, CreateTrips = trips.Create };

            Console.WriteLine($"Store cost of a turn, record of {transcript} messages, medians of {runs} (ms; round trips on PostgreSQL):");
            Console.WriteLine("| | LiteDB (ms) | PostgreSQL (ms) | PostgreSQL round trips |");
            Console.WriteLine("|---|---|---|---|");
            Row("conversation record read", lite.LoadMs, postgres.LoadMs, postgres.LoadTrips);
            Row("conversation record write", lite.SaveMs, postgres.SaveMs, postgres.SaveTrips);
            Row("ticket create", lite.CreateMs, postgres.CreateMs, postgres.CreateTrips);
            Row("a turn that answers (read + write)", lite.LoadMs + lite.SaveMs, postgres.LoadMs + postgres.SaveMs, postgres.LoadTrips + postgres.SaveTrips);
            Row("a turn that escalates (read + create + write)", lite.LoadMs + lite.SaveMs + lite.CreateMs,
                postgres.LoadMs + postgres.SaveMs + postgres.CreateMs, postgres.LoadTrips + postgres.SaveTrips + postgres.CreateTrips);
        }
        finally
        {
            RepoPaths.DeleteFolder(folder);
        }
    }

    private static void Row(string what, double lite, double postgres, double trips) =>
        Console.WriteLine($"| {what} | {lite:0.000} | {postgres:0.000} | {trips:0} |");

    private static Costs Measure(IConversationStore conversations, ITicketStore tickets, int runs, int transcript, string prefix)
    {
        var ids = Enumerable.Range(0, runs + 1).Select(i => $"{prefix}-c{i}").ToArray();
        foreach (var id in ids) conversations.Save(Record(id, transcript));
        int k = 0;
        var load = Time(runs, () => conversations.Load(ids[k++ % ids.Length]));
        var save = Time(runs, () => conversations.Save(Record(ids[k++ % ids.Length], transcript)));
        var create = Time(runs, () => tickets.Create(NewTicket(ids[k++ % ids.Length], transcript)));
        return new Costs(load, save, create);
    }

    private static (double Load, double Save, double Create) Count(RoundTripCounter counter, IConversationStore conversations, ITicketStore tickets, int transcript)
    {
        conversations.Save(Record("trips", transcript)); // opens the pooled connection: not part of a turn
        double Trips(Action action)
        {
            var before = counter.Sends;
            action();
            return counter.Sends - before;
        }
        return (Trips(() => conversations.Load("trips")), Trips(() => conversations.Save(Record("trips", transcript))),
            Trips(() => tickets.Create(NewTicket("trips", transcript))));
    }

    private static ConversationRecord Record(string id, int transcript)
    {
        var record = new ConversationRecord { Id = id, ChannelId = "webchat", UserId = "u-" + id, Reference = "{\"conversation\":{\"id\":\"" + id + "\"}}", UpdatedAt = DateTime.UtcNow };
        for (int m = 0; m < transcript; m++)
            record.Append(new TranscriptEntry { At = DateTime.UtcNow, From = m % 2 == 0 ? Speaker.Customer : Speaker.Bot, Text = $"message {m}, long enough to look like a real customer message" });
        return record;
    }

    private static Ticket NewTicket(string conversationId, int transcript) => new()
    {
        Status = TicketStatus.New, Priority = TicketPriority.Normal, Category = "general", Reason = EscalationReason.AskedForPerson,
        Intent = "human", IntentConfidence = 0.9, ConversationId = conversationId, CustomerEmail = "customer@example.com",
        Transcript = Enumerable.Range(0, transcript).Select(m => new TranscriptEntry { At = DateTime.UtcNow, From = Speaker.Customer, Text = $"message {m}" }).ToList(),
        History = [new TicketEvent { At = DateTime.UtcNow, Kind = "created", Actor = "bot", Detail = "bench" }],
        CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, FirstResponseDue = DateTime.UtcNow.AddHours(4), ResolutionDue = DateTime.UtcNow.AddDays(2),
    };

    private static double Time(int runs, Action action)
    {
        action();
        var times = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return Stats.Median(times);
    }
}
