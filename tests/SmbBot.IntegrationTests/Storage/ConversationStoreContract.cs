using SmbBot.Core.Conversations;
using SmbBot.Core.Privacy;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>
/// What every conversation store does: one suite, run against LiteDB (<see cref="LiteDbConversationStoreTests"/>) and
/// PostgreSQL (<see cref="PostgreSqlConversationStoreTests"/>). Each test gets an empty store.
/// </summary>
public abstract class ConversationStoreContract
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>The store under test; empty.</summary>
    protected abstract IConversationStore Store { get; }

    private static ConversationRecord Record(string id, string user = "u", string? email = null, string? customerId = null, int? openTicket = null, int idleDays = 0)
    {
        var record = new ConversationRecord
        {
            Id = id, ChannelId = "webchat", UserId = user, Reference = "{\"conversation\":{\"id\":\"" + id + "\"}}",
            Email = email, CustomerId = customerId, OpenTicketId = openTicket, UpdatedAt = Now.AddDays(-idleDays),
        };
        record.Append(new TranscriptEntry { At = Now, From = Speaker.Customer, Text = "where is my order" });
        return record;
    }

    [Fact]
    public void An_unknown_conversation_loads_as_a_new_record_that_is_not_stored()
    {
        var record = Store.Load("c-new");

        Assert.Equal(("c-new", 0, null), (record.Id, record.Transcript.Count, record.OpenTicketId));
        Assert.Equal(0, Store.Delete(["c-new"]));
    }

    [Fact]
    public void A_saved_record_loads_back_whole_and_a_second_save_replaces_it()
    {
        var record = Record("c1", email: "ann@example.com", customerId: "C-1", openTicket: 7);
        record.Offered.Add(new OfferedFaq { FaqId = "returns", Question = "Returns?", Score = 0.61, How = "offered" });
        record.Misses = 2;
        record.AwaitingRatingFor = 5;
        record.AwaitingEmail = true;
        record.EmailAttempts = 1;
        record.TranscriptOmitted = 3;
        record.Append(new TranscriptEntry { At = Now, From = Speaker.Staff, Name = "Bo", Text = "on its way", Via = "email", Original = "on its way\n> quoted" });
        Store.Save(record);

        var loaded = Store.Load("c1");

        Assert.Equal(("webchat", "u", "{\"conversation\":{\"id\":\"c1\"}}"), (loaded.ChannelId, loaded.UserId, loaded.Reference));
        Assert.Equal(("ann@example.com", "C-1", 7, 5), (loaded.Email, loaded.CustomerId, loaded.OpenTicketId, loaded.AwaitingRatingFor));
        Assert.Equal((2, true, 1, 3), (loaded.Misses, loaded.AwaitingEmail, loaded.EmailAttempts, loaded.TranscriptOmitted));
        Assert.Equal(["where is my order", "on its way"], loaded.Transcript.Select(e => e.Text));
        Assert.Equal((Speaker.Staff, "Bo", "email", "on its way\n> quoted"), (loaded.Transcript[1].From, loaded.Transcript[1].Name, loaded.Transcript[1].Via, loaded.Transcript[1].Original));
        Assert.Equal(("returns", 0.61, "offered"), (loaded.Offered[0].FaqId, loaded.Offered[0].Score, loaded.Offered[0].How));
        Assert.Equal(Now, loaded.UpdatedAt.ToUniversalTime());

        loaded.OpenTicketId = null;
        loaded.Append(new TranscriptEntry { At = Now, From = Speaker.Customer, Text = "thanks" });
        Store.Save(loaded);

        var again = Store.Load("c1");
        Assert.Null(again.OpenTicketId);
        Assert.Equal(3, again.Transcript.Count);
    }

    [Fact]
    public void A_persons_records_are_found_by_conversation_user_email_or_crm_id()
    {
        Store.Save(Record("c1", user: "user-1"));
        Store.Save(Record("c2", user: "user-2", email: " Ann@Example.com"));
        Store.Save(Record("c3", user: "user-3", customerId: "C-1"));
        Store.Save(Record("c4", user: "user-4", email: "bo@example.com"));

        var (byEmail, _) = PersonalDataSubject.From("ann@example.com");
        Assert.Equal(["c2"], Store.Of(byEmail!).Select(r => r.Id));

        var (byId, _) = PersonalDataSubject.From("C-1");
        Assert.Equal(["c3"], Store.Of(byId!).Select(r => r.Id));

        var (byUser, _) = PersonalDataSubject.From("user-1");
        byUser!.ConversationIds.Add("c4");
        Assert.Equal(["c1", "c4"], Store.Of(byUser).Select(r => r.Id).Order());
    }

    [Fact]
    public void Idle_records_without_an_open_ticket_are_deleted_and_others_kept()
    {
        Store.Save(Record("idle", idleDays: 40));
        Store.Save(Record("idle-with-ticket", idleDays: 40, openTicket: 3));
        Store.Save(Record("recent", idleDays: 1));

        Assert.Equal(1, Store.DeleteIdle(Now.AddDays(-30)));
        Assert.Equal(2, Store.Delete(["recent", "recent", "idle", "idle-with-ticket"]));
        Assert.Empty(Store.Load("recent").Transcript);
    }
}
