using SmbBot.Core.Outbox;
using SmbBot.Core.Privacy;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>
/// What every outbox store does: one suite, run against LiteDB (<see cref="LiteDbOutboxStoreTests"/>) and PostgreSQL
/// (<see cref="PostgreSqlOutboxStoreTests"/>). Each test gets an empty store.
/// </summary>
public abstract class OutboxStoreContract
{
    protected static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>The store under test; empty.</summary>
    protected abstract IOutboxStore Store { get; }

    protected static OutboxMessage Message(string id, int? ticket = 1, string kind = "alert:new", int dueInSeconds = 0, string to = "desk@example.com") => new()
    {
        Id = id, Channel = OutboxChannel.Email, Kind = kind, TicketId = ticket, ConversationId = "conv-" + id, To = to,
        Subject = "New ticket", Body = "Someone asked for a person", CreatedAt = Now.AddSeconds(dueInSeconds), NextAttemptAt = Now.AddSeconds(dueInSeconds),
    };

    [Fact]
    public void A_queued_message_reads_back_whole_and_queuing_its_id_again_keeps_the_first()
    {
        var queued = 0;
        Store.Queued += () => queued++;
        var message = Message("T-1001/customer/reply/a1", kind: "customer:reply", to: "ann@example.com");
        (message.Channel, message.MessageId, message.InReplyTo, message.References, message.ChatActivityId) =
            (OutboxChannel.Webhook, "m1@smbbot", "c1@example.com", "c0@example.com c1@example.com", "act-9");

        Assert.Equal(1, Store.Enqueue([message]));
        Assert.Equal(0, Store.Enqueue([Message("T-1001/customer/reply/a1", kind: "changed")]));
        Assert.Equal(1, queued);

        var loaded = Store.Get(message.Id)!;
        Assert.Equal((OutboxChannel.Webhook, "customer:reply", 1, "conv-" + message.Id, "ann@example.com"), (loaded.Channel, loaded.Kind, loaded.TicketId, loaded.ConversationId, loaded.To));
        Assert.Equal(("New ticket", "Someone asked for a person", Now, Now), (loaded.Subject, loaded.Body, loaded.CreatedAt.ToUniversalTime(), loaded.NextAttemptAt.ToUniversalTime()));
        Assert.Equal(("m1@smbbot", "c1@example.com", "c0@example.com c1@example.com", "act-9"), (loaded.MessageId, loaded.InReplyTo, loaded.References, loaded.ChatActivityId));
        Assert.Equal((0, null, null, null, false, null), (loaded.Attempts, loaded.LastAttemptAt, loaded.LastError, loaded.SentAt, loaded.GaveUp, loaded.NotNeeded));
        Assert.Null(Store.Get("unknown"));
    }

    [Fact]
    public void Due_gives_the_waiting_messages_oldest_first_and_not_the_sent_the_unneeded_or_the_later_ones()
    {
        Store.Enqueue([Message("later", dueInSeconds: 60), Message("second", dueInSeconds: -10), Message("first", dueInSeconds: -20),
            Message("sent", dueInSeconds: -30), Message("unneeded", dueInSeconds: -30)]);
        Store.MarkSent("sent", Now);
        Store.MarkNotNeeded("unneeded", "the customer read it in the chat", Now);

        Assert.Equal(["first", "second"], Store.Due(Now).Select(m => m.Id));
        Store.MarkSent("first", Now);
        Store.MarkSent("second", Now);
        Assert.Equal(Now.AddSeconds(60), Store.NextDue()!.Value.ToUniversalTime());
        Assert.Equal(["later"], Store.Due(Now.AddSeconds(60)).Select(m => m.Id));
        Assert.Equal((1, Now), (Store.Get("sent")!.Attempts, Store.Get("sent")!.SentAt!.Value.ToUniversalTime()));
        Assert.Equal("the customer read it in the chat", Store.Get("unneeded")!.NotNeeded);
    }

    [Fact]
    public void A_message_handed_out_but_never_marked_is_due_again_later()
    {
        Store.Enqueue([Message("m")]);

        Assert.Single(Store.Due(Now));

        Assert.Equal(["m"], Store.Due(Now.AddHours(1)).Select(m => m.Id));
    }

    [Fact]
    public void Due_takes_at_most_the_number_asked_for()
    {
        Store.Enqueue(Enumerable.Range(0, 5).Select(i => Message($"m{i}", dueInSeconds: -i)));

        Assert.Equal(["m4", "m3"], Store.Due(Now, take: 2).Select(m => m.Id));
    }

    [Fact]
    public void A_failed_message_waits_for_its_retry_then_is_given_up_and_stays_visible()
    {
        Store.Enqueue([Message("m"), Message("other", ticket: 2, dueInSeconds: 3 * 86400)]);
        Assert.Equal(new OutboxHealth(2, 0, 0, null, null), Store.Health());

        Store.MarkFailed("m", "cannot reach the SMTP server", Now, TimeSpan.FromSeconds(30), maxAttempts: 2);
        Assert.Empty(Store.Due(Now.AddSeconds(29)));
        Assert.Equal(["m"], Store.Due(Now.AddSeconds(30)).Select(m => m.Id));
        var health = Store.Health();
        Assert.Equal((2, 1, 0, "cannot reach the SMTP server", Now), (health.Waiting, health.Failing, health.GaveUp, health.LastError, health.LastErrorAt!.Value.ToUniversalTime()));

        Store.MarkFailed("m", "still down", Now.AddSeconds(30), TimeSpan.FromSeconds(60), maxAttempts: 2);
        Assert.DoesNotContain("m", Store.Due(Now.AddDays(1)).Select(m => m.Id));
        var failing = Assert.Single(Store.FailingFor(1));
        Assert.Equal(("m", true, 2, "still down"), (failing.Id, failing.GaveUp, failing.Attempts, failing.LastError));
        Assert.Empty(Store.FailingFor(2));
        health = Store.Health();
        Assert.Equal((1, 1, 1, "still down"), (health.Waiting, health.Failing, health.GaveUp, health.LastError));
    }

    [Fact]
    public void Customer_mails_of_a_ticket_come_oldest_first_and_are_found_by_their_message_id()
    {
        var second = Message("reply-2", kind: "customer:reply", dueInSeconds: 20);
        second.MessageId = "two@smbbot";
        var first = Message("reply-1", kind: "customer:reply", dueInSeconds: 10);
        first.MessageId = "one@smbbot";
        Store.Enqueue([second, Message("alert"), first, Message("elsewhere", ticket: 2, kind: "customer:reply")]);

        Assert.Equal(["reply-1", "reply-2"], Store.CustomerMails(1).Select(m => m.Id));
        Assert.Equal("reply-2", Store.WithMessageId(" <two@smbbot> ")!.Id);
        Assert.Null(Store.WithMessageId("<>"));
        Assert.Null(Store.WithMessageId("three@smbbot"));
        Assert.Empty(Store.CustomerMails(99));
    }

    [Fact]
    public void A_persons_messages_are_found_by_conversation_or_address_and_erased()
    {
        Store.Enqueue([Message("theirs"), Message("to-them", to: " Dana@Example.org"), Message("others")]);
        var (subject, _) = PersonalDataSubject.From("dana@example.org");
        subject!.ConversationIds.Add("conv-theirs");

        Assert.Equal(["theirs", "to-them"], Store.Of(subject).Select(m => m.Id).Order());
        Assert.Equal(2, Store.Delete(["theirs", "to-them", "to-them", "never-queued"]));

        Assert.Empty(Store.Of(subject));
        Assert.NotNull(Store.Get("others"));
    }

    [Fact]
    public void Messages_of_deleted_tickets_go_and_finished_ones_about_no_ticket_go_after_the_cutoff()
    {
        Store.Enqueue([Message("t1-alert"), Message("t1-reply", kind: "customer:reply"), Message("t2-alert", ticket: 2),
            Message("weekly-old", ticket: null, kind: "insight:weekly", dueInSeconds: -86400 * 20),
            Message("weekly-unsent", ticket: null, kind: "insight:weekly", dueInSeconds: -86400 * 20),
            Message("weekly-new", ticket: null, kind: "insight:weekly")]);
        Store.MarkSent("weekly-old", Now.AddDays(-20));
        Store.MarkSent("weekly-new", Now);

        Assert.Equal(2, Store.DeleteOfTickets([1, 1, 3]));
        Assert.Equal(0, Store.DeleteOfTickets([]));
        Assert.Equal(1, Store.DeleteFinishedWithoutTicketBefore(Now.AddDays(-10)));

        Assert.Equal(["t2-alert", "weekly-new", "weekly-unsent"],
            new[] { "t1-alert", "t1-reply", "t2-alert", "weekly-old", "weekly-unsent", "weekly-new" }.Where(id => Store.Get(id) is not null).Order());
    }

    [Fact]
    public void Marking_an_unknown_message_changes_nothing()
    {
        Store.MarkSent("unknown", Now);
        Store.MarkFailed("unknown", "x", Now, TimeSpan.FromSeconds(1), 3);
        Store.MarkNotNeeded("unknown", "x", Now);

        Assert.Null(Store.Get("unknown"));
        Assert.Null(Store.NextDue());
        Assert.Empty(Store.Due(Now.AddDays(1)));
        Assert.Equal(0, Store.Delete([]));
    }
}
