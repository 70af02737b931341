using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SmbBot.Bot.DirectLine;

/// <summary>What a valid token says.</summary>
/// <param name="Verified">The user id was given by the business's backend (with the secret), not made up for an anonymous visitor.</param>
/// <param name="Generation">The conversation's token generation it was issued in; a refresh starts the next one.</param>
public sealed record TokenClaims(string ConversationId, string UserId, bool Verified, DateTimeOffset Expires, int Generation = 0);

/// <summary>
/// Direct Line tokens: JWTs signed with HMAC-SHA256 under a key derived from the secret, bound to one conversation and
/// one user id. Web Chat reads the <c>user</c> claim and adopts it as the user's id.
/// </summary>
public sealed class DirectLineTokens
{
    private const string Issuer = "smbbot-directline";
    private const int MaxTokenLength = 2048;

    // Built once: validation runs on every Direct Line call.
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false, MaximumTokenSizeInBytes = MaxTokenLength };
    private readonly SigningCredentials _signing;
    private readonly TokenValidationParameters _validation;
    private readonly TimeProvider _clock;
    private readonly DirectLineOptions _options;

    public DirectLineTokens(DirectLineSecret secret, TimeProvider clock, DirectLineOptions options)
    {
        // The same key as before the move to JsonWebTokenHandler, so tokens held by open chats stay valid.
        var key = new SymmetricSecurityKey(SHA256.HashData(Encoding.UTF8.GetBytes("smbbot/directline/token/" + secret.Value)));
        _signing = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        _validation = new TokenValidationParameters
        {
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidIssuer = Issuer,
            ValidateAudience = false,
            // The handler's own lifetime check reads the system clock; this one reads the injected one (tests move it).
            LifetimeValidator = (_, expires, _, _) => expires is { } at && at > clock.GetUtcNow().UtcDateTime,
        };
        _clock = clock;
        _options = options;
    }

    /// <summary>Seconds a new token lives.</summary>
    public int LifetimeSeconds => _options.TokenMinutes * 60;

    /// <summary>Issues a token for <paramref name="conversationId"/> and <paramref name="userId"/>, of the conversation's token <paramref name="generation"/>.</summary>
    public string Issue(string conversationId, string userId, bool verified, int generation = 0)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            IssuedAt = now,
            Expires = now.AddSeconds(LifetimeSeconds),
            SigningCredentials = _signing,
            Claims = new Dictionary<string, object> { ["conv"] = conversationId, ["user"] = userId, ["ver"] = verified, ["gen"] = generation },
        });
    }

    /// <summary>The claims of a valid, unexpired token; otherwise null and why.</summary>
    public async Task<(TokenClaims? Claims, string? Problem)> ValidateAsync(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength) return (null, "missing token");
        var result = await _handler.ValidateTokenAsync(token, _validation);
        if (!result.IsValid)
        {
            return (null, result.Exception switch
            {
                SecurityTokenInvalidLifetimeException => "token expired",
                SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "invalid token signature",
                _ => "malformed token",
            });
        }
        var jwt = (JsonWebToken)result.SecurityToken;
        if (!jwt.TryGetPayloadValue<string>("conv", out var conversationId) || !jwt.TryGetPayloadValue<string>("user", out var userId))
            return (null, "malformed token");
        var verified = jwt.TryGetPayloadValue<bool>("ver", out var ver) && ver;
        // Tokens issued before generations existed carry none: they are of the first.
        var generation = jwt.TryGetPayloadValue<int>("gen", out var gen) ? gen : 0;
        return (new TokenClaims(conversationId, userId, verified, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero), generation), null);
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
        SmbBot.Core.Storage.OwnerOnly.CreateFolder(dataFolder);
        Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        SmbBot.Core.Storage.OwnerOnly.WriteAllText(file, Value); // created 0600: never readable by others, not even for a moment
    }

    /// <summary>The secret. Never log it.</summary>
    public string Value { get; }

    /// <summary>True when <paramref name="candidate"/> is the secret (constant-time).</summary>
    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(Value));

    /// <inheritdoc/>
    public override string ToString() => "(secret)";
}
