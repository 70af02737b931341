using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmbBot.Bot.DirectLine;

/// <summary>What a valid token says.</summary>
/// <param name="Verified">The user id was given by the business's backend (with the secret), not made up for an anonymous visitor.</param>
public sealed record TokenClaims(string ConversationId, string UserId, bool Verified, DateTimeOffset Expires);

/// <summary>
/// Direct Line tokens: JWTs signed with HMAC-SHA256 under a key derived from the secret, bound to one conversation and
/// one user id. Web Chat reads the <c>user</c> claim and adopts it as the user's id.
/// </summary>
public sealed class DirectLineTokens(DirectLineSecret secret, TimeProvider clock, DirectLineOptions options)
{
    private readonly byte[] _key = SHA256.HashData(Encoding.UTF8.GetBytes("smbbot/directline/token/" + secret.Value));

    /// <summary>Seconds a new token lives.</summary>
    public int LifetimeSeconds => options.TokenMinutes * 60;

    /// <summary>Issues a token for <paramref name="conversationId"/> and <paramref name="userId"/>.</summary>
    public string Issue(string conversationId, string userId, bool verified)
    {
        var now = clock.GetUtcNow();
        var payload = new JsonObject
        {
            ["conv"] = conversationId,
            ["user"] = userId,
            ["ver"] = verified,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddSeconds(LifetimeSeconds).ToUnixTimeSeconds(),
            ["iss"] = "smbbot-directline",
        };
        var head = Base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8);
        var body = Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return $"{head}.{body}.{Base64Url(Sign($"{head}.{body}"))}";
    }

    /// <summary>The claims of a valid, unexpired token; otherwise null and why.</summary>
    public (TokenClaims? Claims, string? Problem) Validate(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048) return (null, "missing token");
        var parts = token.Split('.');
        if (parts.Length != 3) return (null, "malformed token");
        byte[] signature;
        try { signature = FromBase64Url(parts[2]); }
        catch (FormatException) { return (null, "malformed token"); }
        if (!CryptographicOperations.FixedTimeEquals(signature, Sign($"{parts[0]}.{parts[1]}"))) return (null, "invalid token signature");
        try
        {
            var payload = JsonNode.Parse(FromBase64Url(parts[1]))!.AsObject();
            var expires = DateTimeOffset.FromUnixTimeSeconds((long)payload["exp"]!);
            if (expires <= clock.GetUtcNow()) return (null, "token expired");
            return (new TokenClaims((string)payload["conv"]!, (string)payload["user"]!, (bool?)payload["ver"] ?? false, expires), null);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NullReferenceException)
        {
            return (null, "malformed token");
        }
    }

    private byte[] Sign(string data) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(data));

    private static string Base64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}

/// <summary>The Direct Line secret: from settings, or generated once and kept in the data folder.</summary>
public sealed class DirectLineSecret
{
    public DirectLineSecret(string? configured, string dataFolder)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            Value = configured.Trim();
            return;
        }
        var file = Path.Combine(dataFolder, "directline.secret");
        if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: >= 32 } stored)
        {
            Value = stored;
            return;
        }
        Directory.CreateDirectory(dataFolder);
        Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        File.WriteAllText(file, Value);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>The secret. Never log it.</summary>
    public string Value { get; }

    /// <summary>True when <paramref name="candidate"/> is the secret (constant-time).</summary>
    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(Value));

    /// <inheritdoc/>
    public override string ToString() => "(secret)";
}
