using System.Text.Json;

namespace SmbBot.Bot;

/// <summary>Checks the shape of a posted activity before the adapter sees it, so bad input gets a 400 with a reason.</summary>
public static class IncomingActivityCheck
{
    /// <summary>Largest activity accepted, in bytes.</summary>
    public const int MaxBytes = 300 * 1024;

    /// <summary>Null when <paramref name="body"/> is a usable activity, else what is wrong with it.</summary>
    /// <remarks>
    /// A property given twice is refused: this check would see the first value and the adapter's parser the last.
    /// </remarks>
    public static string? Problem(ReadOnlySpan<byte> body)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 32, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            return $"the body is not valid JSON ({e.Message})";
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return "the body must be a JSON object (one activity)";
            if (!IsNonEmptyString(root, "type")) return "the activity has no 'type'";
            if (!root.TryGetProperty("conversation", out var conversation) || conversation.ValueKind != JsonValueKind.Object
                || !IsNonEmptyString(conversation, "id"))
                return "the activity has no 'conversation' with an 'id'";
            // Needed even with deliveryMode expectReplies: the adapter builds its connector client from it for every turn.
            if (!IsNonEmptyString(root, "serviceUrl")) return "the activity has no 'serviceUrl' to reply to";
            if (!Uri.TryCreate(root.GetProperty("serviceUrl").GetString(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                return "'serviceUrl' must be an absolute http or https URL";
            if (root.TryGetProperty("text", out var text) && text.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                return "'text' must be a string";
            return null;
        }
    }

    private static bool IsNonEmptyString(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0;
}
