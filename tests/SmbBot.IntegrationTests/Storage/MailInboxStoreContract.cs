using SmbBot.Core.CustomerMail;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>
/// What every store of handled e-mails does: one suite, run against LiteDB (<see cref="LiteDbMailInboxStoreTests"/>)
/// and PostgreSQL (<see cref="PostgreSqlMailInboxStoreTests"/>). Each test gets an empty store.
/// </summary>
public abstract class MailInboxStoreContract
{
    protected static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>The store under test; empty.</summary>
    protected abstract IMailInboxStore Store { get; }

    [Fact]
    public void An_email_not_handled_yet_has_no_record_and_an_empty_store_counts_nothing()
    {
        Assert.Null(Store.Get("a1@example.net"));
        Assert.Null(Store.Get(""));
        Assert.Empty(Store.Counts());
    }

    [Fact]
    public void Handled_emails_read_back_and_are_counted_by_outcome()
    {
        Assert.True(Store.Record("a1@example.net", InboundOutcome.OnTicket, 1004, Now));
        Assert.True(Store.Record("uid:7:12", InboundOutcome.AutoReply, null, Now.AddMinutes(1)));
        Assert.True(Store.Record("b2@example.net", InboundOutcome.OnTicket, 1005, Now.AddMinutes(2)));
        Assert.True(Store.Record("c3@example.net", InboundOutcome.StopRequest, 1004, Now.AddMinutes(3)));

        var record = Store.Get("a1@example.net")!;
        Assert.Equal(("a1@example.net", InboundOutcome.OnTicket, 1004, Now), (record.Key, record.Outcome, record.TicketId, record.At.ToUniversalTime()));
        Assert.Null(Store.Get("uid:7:12")!.TicketId);
        Assert.Equal(new Dictionary<string, int> { ["onTicket"] = 2, ["autoReply"] = 1, ["stopRequest"] = 1 }, Store.Counts().OrderBy(c => c.Key).ToDictionary());
    }

    [Fact]
    public void An_email_recorded_twice_is_one_record_and_the_second_time_says_so()
    {
        Assert.True(Store.Record("a1@example.net", InboundOutcome.NoTicket, null, Now));

        Assert.False(Store.Record("a1@example.net", InboundOutcome.NoTicket, null, Now.AddMinutes(5)));

        Assert.Equal(new Dictionary<string, int> { ["noTicket"] = 1 }, Store.Counts());
        Assert.Equal(InboundOutcome.NoTicket, Store.Get("a1@example.net")!.Outcome);
    }
}
