using System.Text.Json.Nodes;
using SmbBot.Core.Privacy;

namespace SmbBot.Core.Insight;

/// <summary>
/// What the insight figures keep of a customer: their unanswered messages (their words, masked) and the summary rows
/// of their conversations (no text, but their chat ids). Erasure deletes the messages and unlinks the rows from the
/// person; the counts stay, since they name no one.
/// </summary>
public sealed class InsightPersonalData(IUnansweredStore unanswered, IInsightStore insight) : IPersonalDataHolder
{
    public string Name => "insight";
    public int Order => 5;

    public void Discover(PersonalDataSubject subject) { }

    public (JsonNode Data, int Count, string Summary) Export(PersonalDataSubject subject)
    {
        var messages = unanswered.Of(subject);
        var rows = insight.Of(subject);
        var data = new JsonObject
        {
            ["unansweredMessages"] = ExportJson.Array(messages.Select(m => new { m.At, m.ConversationId, m.Text, m.Status })),
            ["conversationSummaries"] = ExportJson.Array(rows.Select(r => new { r.Id, r.StartedAt, r.LastAt, Messages = r.Facts.Count, r.TicketId, r.Rating })),
        };
        return (data, messages.Count + rows.Count, $"{messages.Count} unanswered message(s), {rows.Count} conversation summary row(s)");
    }

    public int Erase(PersonalDataSubject subject) =>
        unanswered.Delete(unanswered.Of(subject).Select(m => m.Id)) + insight.Anonymise(insight.Of(subject).Select(r => r.Id));
}
