using System.Text.Json.Nodes;
using SmbBot.Core.Privacy;

namespace SmbBot.Core.Tickets;

/// <summary>The customer's tickets: transcript, e-mail address, CRM snapshot, staff replies and notes.</summary>
public sealed class TicketPersonalData(ITicketStore tickets) : IPersonalDataHolder
{
    public string Name => "tickets";
    public int Order => 0;

    public void Discover(PersonalDataSubject subject)
    {
        foreach (var t in tickets.Of(subject))
        {
            if (t.UserId.Length > 0) subject.UserIds.Add(t.UserId);
            if (t.ConversationId.Length > 0) subject.ConversationIds.Add(t.ConversationId);
        }
    }

    public (JsonNode Data, int Count, string Summary) Export(PersonalDataSubject subject)
    {
        var found = tickets.Of(subject);
        var summary = found.Count == 0 ? "no tickets" : $"{found.Count} ticket(s): {string.Join(", ", found.Take(20).Select(t => t.Number))}{(found.Count > 20 ? ", ..." : "")}";
        return (ExportJson.Array(found), found.Count, summary);
    }

    public int Erase(PersonalDataSubject subject) => tickets.Delete(tickets.Of(subject).Select(t => t.Id));
}
