using Microsoft.Extensions.Configuration;

namespace SmbBot.Bot;

/// <summary>Whether the bot authenticates channels: only when <c>MicrosoftAppId</c> is configured.</summary>
public sealed class SmbBotAuthentication(IConfiguration configuration)
{
    /// <summary>True when an app id is set; the adapter then validates every incoming token.</summary>
    public bool Enabled { get; } = !string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);
}
