using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace SmbBot.IntegrationTests.Infrastructure;

/// <summary>
/// The in-process test server has no network peer. This sets the connection's remote address from the
/// <see cref="Header"/> request header, before the host's own middleware, as if the request came from there; tests
/// use it to act as different clients, or as a reverse proxy.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                context.Connection.RemoteIpAddress = address;
            return nextMiddleware(context);
        });
        next(app);
    };

    /// <summary>A fresh address in 10.0.0.0/8.</summary>
    public static string Random() => $"10.{System.Random.Shared.Next(256)}.{System.Random.Shared.Next(256)}.{System.Random.Shared.Next(1, 255)}";
}
