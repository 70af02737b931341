using System.Text.Json.Nodes;
using SmbBot.Core.Privacy;

namespace SmbBot.Core.Outbox;

/// <summary>Alerts (and later e-mails) about the customer's tickets: each holds one line of what they wrote.</summary>
public sealed class OutboxPersonalData(IOutboxStore outbox) : IPersonalDataHolder
{
    public string Name => "outbox";

    /// <summary>After the tickets and conversations, which discover the conversation ids it looks up.</summary>
    public int Order => 4;

    public void Discover(PersonalDataSubject subject) { }

    public (JsonNode Data, int Count, string Summary) Export(PersonalDataSubject subject)
    {
        var found = outbox.Of(subject);
        return (ExportJson.Array(found), found.Count, $"{found.Count} alert(s) or e-mail(s)");
    }

    public int Erase(PersonalDataSubject subject) => outbox.Delete(outbox.Of(subject).Select(m => m.Id));
}
