using System.Text.Json.Nodes;
using SmbBot.Core.Privacy;

namespace SmbBot.Core.Conversations;

/// <summary>What the bot remembers of the customer's conversations (recent transcript, e-mail address given).</summary>
public sealed class ConversationPersonalData(IConversationStore conversations) : IPersonalDataHolder
{
    public string Name => "conversations";
    public int Order => 1;

    public void Discover(PersonalDataSubject subject)
    {
        foreach (var r in conversations.Of(subject))
        {
            if (r.UserId.Length > 0) subject.UserIds.Add(r.UserId);
            subject.ConversationIds.Add(r.Id);
        }
    }

    public (JsonNode Data, int Count, string Summary) Export(PersonalDataSubject subject)
    {
        var found = conversations.Of(subject);
        return (ExportJson.Array(found), found.Count, $"{found.Count} conversation memory record(s)");
    }

    public int Erase(PersonalDataSubject subject) => conversations.Delete(conversations.Of(subject).Select(r => r.Id));
}
