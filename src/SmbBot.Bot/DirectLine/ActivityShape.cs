using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SmbBot.Bot.DirectLine;

/// <summary>
/// Whether a customer's posted activity has the shape of a Bot Framework activity, checked before anything is stored:
/// an activity the bot cannot read would fail its turn and be served to the page on every poll.
/// </summary>
public static class ActivityShape
{
    private static readonly string[] Strings =
    [
        "type", "text", "textFormat", "locale", "speak", "inputHint", "summary", "attachmentLayout", "name", "replyToId",
        "topicName", "action", "label", "valueType", "importance", "deliveryMode", "localTimestamp", "localTimezone", "callerId",
    ];
    private static readonly string[] Objects = ["from", "channelData", "suggestedActions", "relatesTo", "semanticAction"];
    private static readonly string[] ObjectLists = ["attachments", "entities", "membersAdded", "membersRemoved", "reactionsAdded", "reactionsRemoved", "textHighlights"];

    /// <summary>Null when <paramref name="activity"/> is usable, otherwise what is wrong, in words for the caller.</summary>
    public static string? Problem(JObject activity)
    {
        foreach (var name in Strings)
            if (!Is(activity[name], JTokenType.String)) return $"'{name}' must be a string";
        if (activity["type"] is JValue { Value: string type } && type.Length is 0 or > 64) return "'type' must be 1-64 characters";
        foreach (var name in Objects)
            if (!Is(activity[name], JTokenType.Object)) return $"'{name}' must be an object";
        if (!Is(Child(activity, "from", "name"), JTokenType.String)) return "'from.name' must be a string";
        foreach (var name in ObjectLists)
            if (!IsListOf(activity[name], JTokenType.Object)) return $"'{name}' must be an array of objects";
        if (!IsListOf(activity["listenFor"], JTokenType.String)) return "'listenFor' must be an array of strings";
        if (!IsListOf(Child(activity, "suggestedActions", "actions"), JTokenType.Object)) return "'suggestedActions.actions' must be an array of objects";
        foreach (var attachment in (activity["attachments"] as JArray)?.OfType<JObject>() ?? [])
            foreach (var name in new[] { "contentType", "contentUrl", "name", "thumbnailUrl" })
                if (!Is(attachment[name], JTokenType.String)) return $"'attachments[].{name}' must be a string";
        try
        {
            // The rest as the bot will read it.
            activity.ToObject<Activity>();
            return null;
        }
        catch (JsonException e)
        {
            return $"'{PathOf(e)}' does not have the type a Bot Framework activity gives it";
        }
    }

    // A field given as JSON null is a JValue, not a missing child: only an object has children.
    private static JToken? Child(JObject activity, string name, string child) => (activity[name] as JObject)?[child];

    // The JSON reader turns strings that look like dates (Web Chat's localTimestamp, or a customer typing one) into Date tokens.
    private static bool Is(JToken? token, JTokenType type) =>
        token is null || token.Type == JTokenType.Null || token.Type == type || type == JTokenType.String && token.Type == JTokenType.Date;

    private static bool IsListOf(JToken? token, JTokenType itemType) =>
        token is null || token.Type == JTokenType.Null || token is JArray items && items.All(i => Is(i, itemType) && i.Type != JTokenType.Null);

    private static string PathOf(JsonException e) => e switch
    {
        JsonSerializationException s => s.Path ?? "",
        JsonReaderException r => r.Path ?? "",
        _ => "",
    };
}
