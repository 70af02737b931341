using System.Diagnostics;
using LiteDB;
using SmbBot.Core.Conversations;
using SmbBot.Core.Tickets;

namespace SmbBot.Benchmarks;

/// <summary>The staff queue over a store (a LiteDB file, or PostgreSQL) holding many tickets, most of them closed.</summary>
public static class TicketStoreBench
{
    public sealed record Result(int Tickets, int Open, double FillSeconds, double FirstPageMs, double OneTicketMs, double AppendMs, long FileMb);

    public static Result Run(string folder, int tickets, int open)
    {
        var file = Path.Combine(folder, "bench-tickets.db");
        using var db = new LiteDatabase(new ConnectionString { Filename = file, Connection = ConnectionType.Direct }) { UtcDate = true };
        return Run(new LiteDbTicketStore(db), tickets, open, () => new FileInfo(file).Length / (1024 * 1024));
    }

    /// <summary>
    /// Fills <paramref name="store"/> (empty) with <paramref name="tickets"/> tickets, the last <paramref name="open"/>
    /// of them open, then times the open queue's first page, one ticket and a change; <paramref name="afterFill"/> runs
    /// once after the fill (PostgreSQL: ANALYZE) and <paramref name="sizeMb"/> reports the store's size.
    /// </summary>
    public static Result Run(ITicketStore store, int tickets, int open, Func<long> sizeMb, Action? afterFill = null)
    {
        var random = new Random(7);
        var start = new DateTime(2025, 1, 1, 9, 0, 0, DateTimeKind.Utc);
        var fill = Stopwatch.StartNew();
        for (int batch = 0; batch < tickets; batch += 5000)
        {
            store.CreateMany(Enumerable.Range(batch, Math.Min(5000, tickets - batch)).Select(i =>
            {
                var created = start.AddMinutes(i * 5);
                bool isOpen = i >= tickets - open;
                return new Ticket
                {
                    Status = isOpen ? (TicketStatus)random.Next(0, 3) : TicketStatus.Closed,
                    Priority = (TicketPriority)random.Next(0, 4),
                    Category = "general", Reason = EscalationReason.AskedForPerson, Intent = "human", IntentConfidence = 0.9,
                    ConversationId = $"c{i}", CustomerEmail = $"customer{i % 5000}@example.com",
                    Transcript = Enumerable.Range(0, 12).Select(m => new TranscriptEntry { At = created.AddSeconds(m * 30), From = m % 2 == 0 ? Speaker.Customer : Speaker.Bot, Text = $"message {m} of conversation {i}, long enough to look like a real customer message" }).ToList(),
                    History = [new TicketEvent { At = created, Kind = "created", Actor = "bot", Detail = "test" }],
                    CreatedAt = created, UpdatedAt = created, FirstResponseDue = created.AddHours(4), ResolutionDue = created.AddDays(2),
                };
            }));
        }
        afterFill?.Invoke();
        fill.Stop();
        TicketStatus[] openStatuses = [TicketStatus.New, TicketStatus.Open, TicketStatus.Pending];
        var firstPage = Time(20, () => store.Queue(new TicketQuery(openStatuses, Take: 50)));
        var ids = Enumerable.Range(0, 20).Select(_ => random.Next(1, tickets + 1)).ToArray();
        int k = 0;
        var one = Time(20, () => store.Get(Ticket.NumberFor(ids[k++ % ids.Length])));
        var append = Time(20, () => store.Change(ids[k++ % ids.Length], t => t.Transcript.Add(new TranscriptEntry { At = DateTime.UtcNow, From = Speaker.Customer, Text = "one more thing" })));
        return new Result(tickets, open, fill.Elapsed.TotalSeconds, firstPage, one, append, sizeMb());
    }

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
