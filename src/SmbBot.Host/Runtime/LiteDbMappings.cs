using LiteDB;
using SmbBot.Bot.DirectLine;
using SmbBot.Core.Conversations;
using SmbBot.Core.Crm;
using SmbBot.Core.Tickets;
using SmbBot.Host.StaffConsole;
using SmbBot.Knowledge.VectorStore;

namespace SmbBot.Host.Runtime;

/// <summary>
/// Builds LiteDB's mapping of every stored type once, at start, on one thread. LiteDB 5.0.21 builds these lazily and
/// has a race when two threads build the same one at once (litedb-org/LiteDB#2536: "Member … not found on
/// BsonMapper"), which the first concurrent requests could hit; the fix is in no released version yet.
/// </summary>
public static class LiteDbMappings
{
    private static readonly Lock Gate = new();
    private static bool _done;

    public static void WarmUp()
    {
        lock (Gate)
        {
            if (_done) return;
            var mapper = BsonMapper.Global;
            var profile = new CustomerProfile("C-0", "n", "e@example.com", "", "", "standard", 0, 0, null, "", new() { ["x"] = "y" });
            var entry = new TranscriptEntry();
            var ticketEvent = new TicketEvent();
            mapper.ToDocument(new Ticket
            {
                Customer = profile, Transcript = [entry], History = [ticketEvent], Notes = [ticketEvent],
                FaqOffered = [new OfferedFaq()], Signal = new CustomerSignal { Cues = ["x"] },
            });
            mapper.ToDocument(new ConversationRecord { Transcript = [entry], Offered = [new OfferedFaq()] });
            mapper.ToDocument(new StaffAccount { Alerts = new() });
            mapper.ToDocument(new SmbBot.Core.Outbox.OutboxMessage());
            mapper.ToDocument(new DirectLineConversation());
            mapper.ToDocument(new DirectLineActivity());
            LiteDbFaqCollection.WarmUpMapping(mapper);
            _done = true;
        }
    }
}
