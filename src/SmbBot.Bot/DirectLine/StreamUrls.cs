using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace SmbBot.Bot.DirectLine;

/// <summary>Builds a conversation's <c>streamUrl</c> with <see cref="StreamAddress"/> from the host's settings and addresses.</summary>
public sealed partial class StreamUrls(DirectLineOptions options, IConfiguration configuration, IServer server, ILogger<StreamUrls> logger)
{
    // Host filtering (AllowedHosts) refuses any other Host before a request gets here.
    private readonly bool _hostsFiltered = configuration["AllowedHosts"] is { Length: > 0 } allowed && allowed.Trim() != "*";
    private int _warned;

    /// <summary>The <c>ws(s)://</c> root streams of this request are under; null when the request's Host is not trusted.</summary>
    public string? Root(HttpContext http)
    {
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var root = StreamAddress.Root(options.PublicUrl, http.Request.Scheme, http.Request.Host, http.Request.PathBase, _hostsFiltered, listening.ToArray());
        if (root is null && Interlocked.Exchange(ref _warned, 1) == 0) LogUntrustedHost(logger);
        return root;
    }

    /// <summary>The stream address of <paramref name="conversationId"/> with <paramref name="token"/> under <paramref name="root"/>.</summary>
    public static string For(string root, string conversationId, string token) =>
        $"{root}/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={token}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "A website chat was refused because its request's Host is not an address this server listens on; "
        + "behind a reverse proxy, set DirectLine:PublicUrl (or AllowedHosts) to the address customers use")]
    private static partial void LogUntrustedHost(ILogger logger);
}
