using System.Text;
using System.Text.Json;

namespace SmbBot.Bot;

/// <summary>What the check found in a posted activity: a problem, or the address the bot would reply to.</summary>
public sealed record IncomingActivity(string? Problem, Uri? ServiceUrl)
{
    public static IncomingActivity Refused(string problem) => new(problem, null);
}

/// <summary>Checks the shape of a posted activity before the adapter sees it, so bad input gets a 400 with a reason.</summary>
public static class IncomingActivityCheck
{
    /// <summary>Largest activity accepted, in bytes.</summary>
    public const int MaxBytes = 300 * 1024;

    /// <summary>
    /// Longest conversation or account id accepted, in UTF-8 bytes: ids are keys of the store, whose index keys end at
    /// 1,023 bytes; the longest ids real channels send are about 300.
    /// </summary>
    public const int MaxIdBytes = 512;

    private static readonly string[] StringFields = ["type", "id", "channelId", "locale", "replyToId", "deliveryMode", "textFormat", "inputHint"];
    private static readonly string[] AccountFields = ["from", "recipient"];
    private static readonly string[] ArrayFields = ["attachments", "entities", "membersAdded", "membersRemoved", "suggestedActions.actions"];

    /// <summary>Null when <paramref name="body"/> is a usable activity, else what is wrong with it.</summary>
    public static string? Problem(ReadOnlySpan<byte> body) => Read(body).Problem;

    /// <summary>Checks <paramref name="body"/> and returns its reply address when it is usable.</summary>
    /// <remarks>
    /// A property given twice is refused: this check would see the first value and the adapter's parser the last.
    /// Field types are checked here because the adapter's parser fails on them with an exception (a 500).
    /// </remarks>
    public static IncomingActivity Read(ReadOnlySpan<byte> body)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 32, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            return IncomingActivity.Refused($"the body is not valid JSON ({e.Message})");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return IncomingActivity.Refused("the body must be a JSON object (one activity)");
            if ((Shape(root) ?? SdkProblem(body)) is { } problem) return IncomingActivity.Refused(problem);
            if (!Uri.TryCreate(TextOf(root.GetProperty("serviceUrl")), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                return IncomingActivity.Refused("'serviceUrl' must be an absolute http or https URL");
            return new IncomingActivity(null, uri);
        }
    }

    private static string? Shape(JsonElement root)
    {
        if (!IsNonEmptyString(root, "type")) return "the activity has no 'type'";
        if (!root.TryGetProperty("conversation", out var conversation) || conversation.ValueKind != JsonValueKind.Object
            || !IsNonEmptyString(conversation, "id"))
            return "the activity has no 'conversation' with an 'id'";
        if (IdProblem(conversation, "id", "conversation.id") is { } idProblem) return idProblem;
        // Needed even with deliveryMode expectReplies: the adapter builds its connector client from it for every turn.
        if (!IsNonEmptyString(root, "serviceUrl")) return "the activity has no 'serviceUrl' to reply to";
        if (root.TryGetProperty("text", out var text) && text.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            return "'text' must be a string";
        foreach (var name in StringFields)
            if (root.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                return $"'{name}' must be a string";
        foreach (var name in AccountFields)
        {
            if (!root.TryGetProperty(name, out var account) || account.ValueKind == JsonValueKind.Null) continue;
            if (account.ValueKind != JsonValueKind.Object) return $"'{name}' must be an object with an 'id'";
            if (IdProblem(account, "id", $"{name}.id") is { } problem) return problem;
        }
        foreach (var path in ArrayFields)
        {
            var (parent, name) = path.Contains('.') ? (Child(root, path.Split('.')[0]), path.Split('.')[1]) : (root, path);
            if (parent is { } p && p.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Array or JsonValueKind.Null))
                return $"'{path}' must be an array";
        }
        return null;
    }

    // What the adapter's own parser would fail on (a field of a type the Bot Framework schema does not allow): its
    // failure would otherwise come out of the adapter as an error, not a 400.
    private static string? SdkProblem(ReadOnlySpan<byte> body)
    {
        try
        {
            Newtonsoft.Json.JsonConvert.DeserializeObject<Microsoft.Bot.Schema.Activity>(Encoding.UTF8.GetString(body), SdkSettings);
            return null;
        }
        catch (Newtonsoft.Json.JsonReaderException e)
        {
            return $"'{e.Path}' has a value of the wrong type";
        }
        catch (Newtonsoft.Json.JsonSerializationException e)
        {
            return $"'{e.Path}' has a value of the wrong type";
        }
    }

    private static readonly Newtonsoft.Json.JsonSerializerSettings SdkSettings = new() { MaxDepth = 32 };

    private static JsonElement? Child(JsonElement root, string name) =>
        root.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object ? child : null;

    private static string? IdProblem(JsonElement obj, string name, string label)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) return $"'{label}' must be a string";
        if (TextOf(value) is not { } id) return $"'{label}' is not valid text (a broken character)";
        if (Encoding.UTF8.GetByteCount(id) > MaxIdBytes) return $"'{label}' is longer than {MaxIdBytes} bytes";
        return id.Any(char.IsControl) ? $"'{label}' contains control characters" : null;
    }

    // Null for a string with a broken (lone surrogate) escape, which the reader refuses to unescape.
    private static string? TextOf(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static bool IsNonEmptyString(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.ValueEquals("") is false;
}
