using System.Text.Json.Nodes;
using CsCheck;

namespace SmbBot.IntegrationTests.Hostile;

/// <summary>Generators of hostile JSON: odd strings, wrong types, deep nesting, mutated activities.</summary>
public static class HostileJson
{
    public static readonly string[] Nasty =
    [
        "", " ", "\0", "\uD800", "\uDC00x", "\uFEFF", "\u202E", "\r\n", "\"", "\\", "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>", "' OR 1=1 --", "../../../etc/passwd", "{{7*7}}", "${jndi:ldap://x/a}", "%00", "NaN",
        "😀👍🏽", "مرحبا", "\u0007\u001b[31m", "http://169.254.169.254/", "file:///etc/passwd", "javascript:alert(1)",
        "T-1001", "T-99999999999", "expectReplies", "message", "conversationUpdate", "invoke", "event",
    ];

    public static readonly Gen<string> Text = Gen.OneOf(
        Gen.String,
        Gen.OneOf(Nasty),
        Gen.Char.Array[0, 40].Select(c => new string(c)),
        Gen.Int[1, 3000].Select(n => new string('é', n)),
        Gen.OneOf(Nasty).Array[1, 5].Select(parts => string.Concat(parts)));

    private static readonly Gen<JsonNode?> Scalar = Gen.OneOf(
        Gen.Const((JsonNode?)null),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l)),
        Gen.Double.Where(double.IsFinite).Select(d => (JsonNode?)JsonValue.Create(d)),
        Text.Select(t => (JsonNode?)JsonValue.Create(t)));

    /// <summary>Any JSON value up to <paramref name="depth"/> levels of arrays and objects.</summary>
    public static Gen<JsonNode?> Value(int depth) => depth == 0 ? Scalar : Gen.OneOf(
        Scalar,
        Value(depth - 1).Array[0, 4].Select(items => (JsonNode?)new JsonArray([.. items])),
        Gen.Select(Text.Array[0, 4], Value(depth - 1).Array[4], (keys, values) =>
        {
            var obj = new JsonObject();
            for (var i = 0; i < keys.Length; i++) obj[keys[i]] = values[i];
            return (JsonNode?)obj;
        }));

    /// <summary>JSON nested <paramref name="n"/> deep.</summary>
    public static string Nested(int n) => new string('[', n) + new string(']', n);

    /// <summary>Paths of an activity a mutation may hit.</summary>
    public static readonly string[] ActivityPaths =
    [
        "type", "text", "id", "channelId", "serviceUrl", "from", "from.id", "from.name", "recipient", "recipient.id", "conversation",
        "conversation.id", "attachments", "entities", "deliveryMode", "locale", "value", "channelData", "membersAdded", "suggestedActions",
        "replyToId", "timestamp", "textFormat", "name", "action", "speak",
    ];

    /// <summary>A change to one field: set it to <c>Value</c>, or remove it when <c>Remove</c>.</summary>
    public sealed record Mutation(string Path, bool Remove, JsonNode? Value)
    {
        public void Apply(JsonObject activity)
        {
            var parts = Path.Split('.');
            var parent = activity;
            if (parts.Length == 2)
            {
                if (activity[parts[0]] is not JsonObject child) return;
                parent = child;
            }
            if (Remove) parent.Remove(parts[^1]);
            else parent[parts[^1]] = Value?.DeepClone();
        }
    }

    public static readonly Gen<Mutation> Mutations = Gen.Select(Gen.OneOf(ActivityPaths), Gen.Int[0, 3], Value(2),
        (path, op, value) => new Mutation(path, op == 0, value));
}
