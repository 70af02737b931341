using LiteDB;
using SmbBot.Bot.DirectLine;
using SmbBot.Core.Conversations;
using SmbBot.Core.Crm;
using SmbBot.Core.DirectLine;
using SmbBot.Core.Staff;
using SmbBot.Core.Tickets;
using SmbBot.Host.StaffConsole;
using SmbBot.Knowledge.VectorStore;

namespace SmbBot.Host.Runtime;

/// <summary>
/// Builds LiteDB's mapping of every stored type once, at start, on one thread. LiteDB 5.0.21 builds these lazily and
/// has a race when two threads build the same one at once (litedb-org/LiteDB#2536: "Member … not found on
/// BsonMapper"), which the first concurrent requests could hit; the fix is in no released version yet. Every stored
/// document type of SmbBot's assemblies (a class with a <c>[BsonId]</c> or <c>Id</c> property and a parameterless
/// constructor) is mapped here too, so a store added later cannot bring the race back; the types below are built with
/// their nested lists filled, whose item types an empty document would leave unmapped.
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
                FaqOffered = [new OfferedFaq()], Signal = new CustomerSignal { Cues = ["x"] }, Tags = ["x"],
            });
            mapper.ToDocument(new ConversationRecord { Transcript = [entry], Offered = [new OfferedFaq()] });
            mapper.ToDocument(new StaffAccount { Alerts = new() });
            mapper.ToDocument(new SmbBot.Core.Teams.Team { Members = ["x"] });
            mapper.ToDocument(new SmbBot.Core.Outbox.OutboxMessage());
            mapper.ToDocument(new DirectLineConversation());
            mapper.ToDocument(new DirectLineActivity());
            LiteDbFaqCollection.WarmUpMapping(mapper);
            foreach (var type in StoredTypes())
            {
                // A class that only looks like a document (an Id, but members LiteDB cannot map) is left to fail where it is used.
                try { mapper.ToDocument(type, Activator.CreateInstance(type)); }
                catch (Exception e) when (e is LiteException or InvalidOperationException or NotSupportedException or ArgumentException or System.Reflection.TargetInvocationException) { }
            }
            _done = true;
        }
    }

    /// <summary>Classes of the SmbBot assemblies that LiteDB stores as documents.</summary>
    public static IEnumerable<Type> StoredTypes() =>
        new[] { typeof(Ticket), typeof(LiteDbDirectLineStore), typeof(StaffAccount), typeof(LiteDbMappings), typeof(LiteDbFaqCollection) }
            .Select(t => t.Assembly).Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            .Where(t => t.GetProperties().Any(p => p.Name == "Id" || p.IsDefined(typeof(BsonIdAttribute), inherit: true)))
            .Where(t => t.Namespace?.StartsWith("SmbBot", StringComparison.Ordinal) == true && !typeof(Delegate).IsAssignableFrom(t));
}
