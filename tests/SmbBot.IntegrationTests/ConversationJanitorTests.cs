using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmbBot.Core.Conversations;
using SmbBot.Core.Outbox;
using SmbBot.Core.Storage;
using SmbBot.Core.Tickets;
using SmbBot.Host.Configuration;
using SmbBot.Host.Runtime;

namespace SmbBot.IntegrationTests;

/// <summary>Retention: a ticket deleted after <c>Storage:ClosedTicketRetentionDays</c> takes its e-mails with it.</summary>
public sealed class ConversationJanitorTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc);
    private readonly LiteDatabase _db = new(new MemoryStream());

    [Fact]
    public void A_ticket_deleted_by_retention_takes_its_e_mails_and_old_finished_mail_about_no_ticket_goes_too()
    {
        var tickets = new LiteDbTicketStore(_db);
        var outbox = new LiteDbOutboxStore(_db);
        var old = tickets.Create(new Ticket { Status = TicketStatus.Closed, UpdatedAt = Now.AddDays(-100), ConversationId = "c-old" });
        var kept = tickets.Create(new Ticket { Status = TicketStatus.Open, UpdatedAt = Now.AddDays(-100), ConversationId = "c-open" });
        outbox.Enqueue([
            Mail("old-alert", old.Id, Now.AddDays(-100)), Mail("old-reply", old.Id, Now.AddDays(-99)), Mail("open-reply", kept.Id, Now.AddDays(-99)),
            Mail("summary-old", null, Now.AddDays(-40)), Mail("summary-week", null, Now.AddDays(-7)), Mail("summary-unsent", null, Now.AddDays(-40)),
        ]);
        foreach (var id in new[] { "old-alert", "old-reply", "open-reply", "summary-old", "summary-week" }) outbox.MarkSent(id, outbox.Get(id)!.CreatedAt);

        var options = Options.Create(new StorageOptions { ConversationRetentionDays = 30, ClosedTicketRetentionDays = 90 });
        new ConversationJanitor(new LiteDbConversationStore(_db), tickets, outbox, options, new FixedClock(), new SingleHostJobClaims(),
            NullLogger<ConversationJanitor>.Instance).Pass();

        Assert.Null(tickets.Get(old.Id));
        Assert.NotNull(tickets.Get(kept.Id));
        Assert.Null(outbox.Get("old-alert"));
        Assert.Null(outbox.Get("old-reply"));
        Assert.NotNull(outbox.Get("open-reply"));
        Assert.Null(outbox.Get("summary-old"));
        Assert.NotNull(outbox.Get("summary-week"));
        Assert.NotNull(outbox.Get("summary-unsent"));
    }

    private static OutboxMessage Mail(string id, int? ticket, DateTime at) => new()
    {
        Id = id, Channel = OutboxChannel.Email, Kind = ticket is null ? "insight:weekly" : "customer:reply", TicketId = ticket,
        To = "someone@example.org", Subject = "s", Body = "b", CreatedAt = at, NextAttemptAt = at,
    };

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }

    public void Dispose() => _db.Dispose();
}
