using System.Text.Json.Nodes;
using SmbBot.Core.DirectLine;
using SmbBot.Core.Privacy;

namespace SmbBot.Bot.DirectLine;

/// <summary>The website chat's stored conversations: every message the customer and the bot exchanged there.</summary>
public sealed class DirectLinePersonalData(IDirectLineStore store) : IPersonalDataHolder
{
    public string Name => "websiteChats";
    public int Order => 3;

    public void Discover(PersonalDataSubject subject)
    {
        foreach (var c in store.Of(subject.UserIds, subject.ConversationIds)) subject.ConversationIds.Add(c.Id);
    }

    public (JsonNode Data, int Count, string Summary) Export(PersonalDataSubject subject)
    {
        var conversations = store.Of(subject.UserIds, subject.ConversationIds);
        var data = new JsonArray([.. conversations.Select(c => (JsonNode)new JsonObject
        {
            ["conversationId"] = c.Id,
            ["userId"] = c.UserId,
            ["createdAt"] = c.CreatedAt.ToString("O"),
            ["lastActiveAt"] = c.LastActiveAt.ToString("O"),
            ["activities"] = new JsonArray([.. store.After(c.Id, 0, maxBytes: long.MaxValue, maxCount: int.MaxValue).Select(a => JsonNode.Parse(a.Json))]),
        })]);
        return (data, conversations.Count, $"{conversations.Count} website chat(s)");
    }

    public int Erase(PersonalDataSubject subject) => store.Delete(store.Of(subject.UserIds, subject.ConversationIds).Select(c => c.Id));
}
