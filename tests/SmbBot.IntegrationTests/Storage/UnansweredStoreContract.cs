using SmbBot.Core.Insight;
using SmbBot.Core.Privacy;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>
/// What every store of unanswered messages and inbox changes does: one suite, run against LiteDB
/// (<see cref="LiteDbInsightStoreTests"/>) and PostgreSQL (<see cref="PostgreSqlInsightStoreTests"/>).
/// </summary>
public abstract class UnansweredStoreContract : InsightStoreContract
{
    protected abstract IUnansweredStore Unanswered { get; }

    protected abstract IInboxChangeStore Changes { get; }

    private UnansweredMessage Add(string conversation, int minutes, bool unsure = false, string user = "u1")
    {
        var message = new UnansweredMessage { At = Now.AddMinutes(minutes), ConversationId = conversation, UserId = user, Text = $"message at {minutes}", Unsure = unsure };
        Unanswered.Add(message);
        return message;
    }

    [Fact]
    public void Unanswered_messages_get_ids_and_read_back_newest_first_since_a_time()
    {
        var a = Add("c1", 1);
        var b = Add("c2", 3, unsure: true);
        var c = Add("c1", 2);

        Assert.Equal(3, new[] { a.Id, b.Id, c.Id }.Where(id => id > 0).Distinct().Count());
        Assert.Equal([b.Id, c.Id], Unanswered.Since(Now.AddMinutes(2)).Select(m => m.Id));
        var read = Unanswered.Since(Now).First();
        Assert.Equal(("c2", "u1", "message at 3", true, UnansweredStatus.Open, null, null), (read.ConversationId, read.UserId, read.Text, read.Unsure, read.Status, read.Vector, read.FaqId));
        Assert.Equal(Now.AddMinutes(3), read.At.ToUniversalTime());
    }

    [Fact]
    public void Updated_messages_keep_their_status_vector_and_entry()
    {
        var a = Add("c1", 1);
        Add("c1", 2);
        (a.Status, a.FaqId, a.Vector) = (UnansweredStatus.AddedToFaq, "returns", [0.25f, -1f, 0.5f]);

        Unanswered.Update([a]);

        var read = Unanswered.Since(Now).Single(m => m.Id == a.Id);
        Assert.Equal((UnansweredStatus.AddedToFaq, "returns"), (read.Status, read.FaqId));
        Assert.Equal([0.25f, -1f, 0.5f], read.Vector!);
        Assert.Equal(UnansweredStatus.Open, Unanswered.Since(Now).Single(m => m.Id != a.Id).Status);
    }

    [Fact]
    public void A_taken_suggestion_removes_the_conversations_latest_message_only_if_it_was_an_open_did_you_mean()
    {
        Add("c1", 1, unsure: true);
        var latest = Add("c1", 2, unsure: true);
        var fallback = Add("c2", 3);
        var dismissed = Add("c3", 4, unsure: true);
        dismissed.Status = UnansweredStatus.Dismissed;
        Unanswered.Update([dismissed]);

        Unanswered.SuggestionTaken("c1");
        Unanswered.SuggestionTaken("c2");
        Unanswered.SuggestionTaken("c3");
        Unanswered.SuggestionTaken("unknown");

        var left = Unanswered.Since(Now).Select(m => m.Id).ToArray();
        Assert.Equal(3, left.Length);
        Assert.DoesNotContain(latest.Id, left);
        Assert.Contains(fallback.Id, left);
        Assert.Contains(dismissed.Id, left);
    }

    [Fact]
    public void A_persons_unanswered_messages_are_found_and_deleted()
    {
        var a = Add("c1", 1, user: "dana");
        var b = Add("c2", 2, user: "someone");
        var other = Add("c3", 3, user: "bo");
        var (subject, _) = PersonalDataSubject.From("dana");
        subject!.ConversationIds.Add("c2");

        Assert.Equal([a.Id, b.Id], Unanswered.Of(subject).Select(m => m.Id).Order());
        Assert.Equal(2, Unanswered.Delete([a.Id, b.Id, b.Id, 999_999]));

        Assert.Empty(Unanswered.Of(subject));
        Assert.Equal([other.Id], Unanswered.Since(Now).Select(m => m.Id));
    }

    [Fact]
    public void Inbox_changes_get_ids_and_read_back_newest_first()
    {
        Assert.Empty(Changes.Latest(20));
        for (var i = 0; i < 3; i++)
        {
            Changes.Add(new InboxChange
            {
                At = Now.AddMinutes(i), Actor = "owner", Action = i == 1 ? "new entry" : "dismissed", FaqId = i == 1 ? "returns" : null,
                Example = $"example {i}", Messages = 4 + i, ShareBefore = 0.25, Centroid = [i, 0.5f],
            });
        }

        var latest = Changes.Latest(2);

        Assert.Equal(["example 2", "example 1"], latest.Select(c => c.Example));
        Assert.Equal(("owner", "new entry", "returns", 5, 0.25), (latest[1].Actor, latest[1].Action, latest[1].FaqId, latest[1].Messages, latest[1].ShareBefore));
        Assert.Equal([1f, 0.5f], latest[1].Centroid);
        Assert.Equal(Now.AddMinutes(1), latest[1].At.ToUniversalTime());
        Assert.True(latest[0].Id > latest[1].Id && latest[1].Id > 0);
    }
}
