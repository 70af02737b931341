using System.Security.Cryptography;
using System.Text;

namespace SmbBot.Core.Outbox;

/// <summary>
/// The webhook's signature: <c>X-SmbBot-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 with the shared secret of
/// <c>{X-SmbBot-Timestamp}.{raw body}</c>. A receiver recomputes it and refuses old timestamps, so a captured post
/// cannot be replayed later.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-SmbBot-Signature";
    public const string TimestampHeader = "X-SmbBot-Timestamp";

    /// <summary>Header with the outbox id, the same on every retry: receivers can drop a repeat.</summary>
    public const string DeliveryHeader = "X-SmbBot-Delivery";

    /// <summary>The signature header's value for <paramref name="body"/> sent at <paramref name="unixSeconds"/>.</summary>
    public static string Sign(string secret, long unixSeconds, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{unixSeconds}.{body}"));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>Whether <paramref name="signature"/> is right and <paramref name="unixSeconds"/> within <paramref name="tolerance"/> of now.</summary>
    public static bool Verify(string secret, string unixSeconds, string body, string signature, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(unixSeconds, out var at) || Math.Abs(now.ToUnixTimeSeconds() - at) > tolerance.TotalSeconds) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, at, body)), Encoding.ASCII.GetBytes(signature));
    }
}
