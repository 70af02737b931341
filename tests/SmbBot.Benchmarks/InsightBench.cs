using System.Diagnostics;
using LiteDB;
using SmbBot.Core.Conversations;
using SmbBot.Core.Insight;
using SmbBot.Core.Tickets;
using SmbBot.IntegrationTests.Infrastructure;
using SmbBot.Knowledge.Embeddings;

namespace SmbBot.Benchmarks;

/// <summary>
/// The insight dashboard at scale: seeds the aggregates that <c>turns</c> customer messages and <c>tickets</c> tickets
/// over a year produce (summary rows and day counters computed with the same definitions the recorder uses, plus the
/// tickets themselves), reopens the file cold and times the dashboard's read of a year and of four weeks (through the
/// week rows, as the dashboard reads, and through every day row, as it read before); then groups
/// 10,000 unanswered messages.
///   dotnet run -c Release --project tests/SmbBot.Benchmarks -- insight [--turns 1000000] [--tickets 100000] [--messages 10000]
/// </summary>
public static class InsightBench
{
    public static void Run(int turns, int tickets, int messages)
    {
        var folder = RepoPaths.NewTempFolder();
        try
        {
            var file = Path.Combine(folder, "bench-insight.db");
            var seed = Stopwatch.StartNew();
            var (conversations, days) = Seed(file, turns, tickets);
            Console.WriteLine($"seeded {turns:#,0} turns in {conversations:#,0} conversations over {days} days and {tickets:#,0} tickets in {seed.Elapsed.TotalSeconds:0.0} s; file {new FileInfo(file).Length / 1_048_576} MB");

            var today = DateOnly.FromDateTime(new DateTime(2026, 12, 31));
            // A running host has used LiteDB and the insight types before its first dashboard view: the same reads on a
            // small in-memory store first, so "first" below is the cold file's first read, not the JIT's.
            WarmUp(today);
            // The dashboard's read (week rows plus the days of partial weeks), then every day row of the range (the
            // read before week rows), for comparison.
            foreach (var (read, reader) in new (string, Func<LiteDbInsightStore, InsightRange, IReadOnlyList<InsightDay>>)[]
            {
                ("week rows", (s, r) => s.RolledUp(r.From, r.To)), ("day rows", (s, r) => s.Days(r.From, r.To)),
            })
            foreach (var (label, from) in new[] { ("a year (365 days)", today.AddDays(-364)), ("four weeks", today.AddDays(-27)) })
            {
                var times = new List<double>();
                for (var run = 0; run < 6; run++)
                {
                    // A fresh LiteDatabase each time: the first read of a cold file, as after a restart.
                    using var db = new LiteDatabase(new ConnectionString { Filename = file, Connection = ConnectionType.Direct }) { UtcDate = true };
                    var clock = Stopwatch.StartNew();
                    var store = new LiteDbInsightStore(db);
                    var range = new InsightRange(from, today);
                    var rows = reader(store, range);
                    var figures = InsightFigures.Read(rows, range.From, range.To, today);
                    var weekly = InsightTrend.Weekly(InsightTrend.Daily(rows, range, today));
                    clock.Stop();
                    if (figures["conversations"].Value is null || weekly.Count == 0) throw new InvalidOperationException("nothing read");
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
                Console.WriteLine($"dashboard data for {label} from {read}: first {times[0]:0.0} ms, then median {times.Skip(1).Order().ElementAt(2):0.0} ms (open store, read the rows, figures, daily and weekly trend)");
            }

            var vectors = Messages(messages);
            var group = Stopwatch.StartNew();
            var groups = MessageClustering.Group(vectors);
            group.Stop();
            Console.WriteLine($"grouped {messages:#,0} unanswered messages into {groups.Count:#,0} groups in {group.Elapsed.TotalSeconds:0.00} s (largest {groups[0].Members.Count})");
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static void WarmUp(DateOnly today)
    {
        using var db = new LiteDatabase(":memory:");
        var store = new LiteDbInsightStore(db);
        store.SeedDays([new InsightDay { Day = today.AddDays(-20).ToDateTime(TimeOnly.MinValue), Counters = { [InsightKeys.Conversations] = 1 } }]);
        foreach (var rows in new[] { store.RolledUp(today.AddDays(-27), today), store.Days(today.AddDays(-27), today) })
            InsightTrend.Weekly(InsightTrend.Daily(rows, new InsightRange(today.AddDays(-27), today), today));
    }

    private static (int Conversations, int Days) Seed(string file, int turns, int tickets)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = file, Connection = ConnectionType.Direct }) { UtcDate = true };
        var store = new LiteDbInsightStore(db);
        var ticketStore = new LiteDbTicketStore(db);
        var random = new Random(17);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        const int daysSpan = 365;
        var dayCounters = new Dictionary<DateTime, Dictionary<string, long>>();
        EscalationReason[] reasons = Enum.GetValues<EscalationReason>();
        var conversations = 0;
        var seededTurns = 0;
        var ticketsLeft = tickets;
        var batch = new List<ConversationInsight>();
        var ticketBatch = new List<Ticket>();
        while (seededTurns < turns)
        {
            var at = start.AddMinutes(random.Next(daysSpan * 24 * 60));
            var row = new ConversationInsight { Id = $"c{conversations}", UserId = $"u{random.Next(turns / 8)}", ChannelId = "directline", StartedAt = at, Day = at.Date };
            var length = Math.Min(turns - seededTurns, 1 + random.Next(9));
            for (var i = 0; i < length; i++)
            {
                var t = at.AddSeconds(i * 40);
                var roll = random.Next(100);
                row.Facts.Add(roll switch
                {
                    < 55 => new TurnFact { At = t, Kind = TurnKind.Answered, FaqId = $"faq-{random.Next(47)}" },
                    < 65 => new TurnFact { At = t, Kind = TurnKind.Clarified, Offered = [$"faq-{random.Next(47)}", $"faq-{random.Next(47)}"] },
                    < 72 => new TurnFact { At = t, Kind = TurnKind.Fallback },
                    < 85 => new TurnFact { At = t, Kind = TurnKind.SmallTalk, Intent = random.Next(2) == 0 ? "thanks" : "greeting" },
                    _ => new TurnFact { At = t, Kind = TurnKind.Other },
                });
            }
            if (ticketsLeft > 0 && random.Next(10) == 0)
            {
                var reason = reasons[random.Next(reasons.Length)];
                row.Facts.Add(new TurnFact { At = at.AddMinutes(6), Kind = TurnKind.HandedOver, Reason = reason });
                row.TicketId = tickets - ticketsLeft + 1;
                row.TicketReason = reason;
                row.TicketCreatedAt = at.AddMinutes(6);
                row.FirstResponseDue = at.AddHours(4);
                if (random.Next(10) < 9) row.FirstResponseAt = at.AddMinutes(10 + random.Next(400));
                if (random.Next(3) == 0) row.Rating = 1 + random.Next(5);
                ticketBatch.Add(new Ticket
                {
                    Status = TicketStatus.Closed, Reason = reason, ConversationId = row.Id, CreatedAt = at, UpdatedAt = at,
                    FirstResponseDue = row.FirstResponseDue.Value, FirstResponseAt = row.FirstResponseAt, Rating = row.Rating,
                    Transcript = [new TranscriptEntry { At = at, From = Speaker.Customer, Text = "a customer message long enough to look real" }],
                });
                ticketsLeft--;
            }
            seededTurns += row.Facts.Count;
            row.LastAt = row.Facts[^1].At;
            row.Counted = InsightDefinitions.Contribution(row, t => t);
            var day = dayCounters.TryGetValue(row.Day, out var d) ? d : dayCounters[row.Day] = [];
            foreach (var (key, value) in row.Counted) day[key] = day.GetValueOrDefault(key) + value;
            batch.Add(row);
            conversations++;
            if (batch.Count == 5000) { store.SeedRows(batch); batch.Clear(); }
            if (ticketBatch.Count == 5000) { ticketStore.CreateMany(ticketBatch); ticketBatch.Clear(); }
        }
        store.SeedRows(batch);
        if (ticketBatch.Count > 0) ticketStore.CreateMany(ticketBatch);
        store.SeedDays(dayCounters.Select(d => new InsightDay { Day = d.Key, Counters = d.Value }));
        db.Checkpoint();
        return (conversations, dayCounters.Count);
    }

    // Real embeddings of the sample conversations' texts, repeated with a little noise so no two are identical.
    private static List<float[]> Messages(int count)
    {
        var scenario = new Scenario(RepoPaths.Knowledge, Path.Combine(RepoPaths.Root, "tests", "SmbBot.IntegrationTests", "Conversations", "sample-shop.csv"));
        var texts = Enumerable.Range(0, 300).SelectMany(i => scenario.Conversation(new Random(i))).Distinct().Take(800).ToArray();
        using var model = new MiniLmEmbeddingGenerator();
        var embed = Stopwatch.StartNew();
        var bases = model.Embed(texts);
        Console.WriteLine($"embedded {texts.Length} distinct sample texts in {embed.Elapsed.TotalSeconds:0.0} s (not part of the grouping time: the inbox stores each message's vector once)");
        var random = new Random(5);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var b = bases[random.Next(bases.Length)];
            return b.Select(x => x + (float)(random.NextDouble() - 0.5) * 0.01f).ToArray();
        })];
    }
}
