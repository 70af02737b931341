using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using SmbBot.Core;

namespace SmbBot.Host.WebSecurity;

/// <summary>Reverse proxy support, security headers and cookie rules for the whole site.</summary>
public static class WebSecurityExtensions
{
    public static IServiceCollection AddWebSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<SecurityOptions>(configuration, SecurityOptions.SectionName);
        services.AddSettings<ProxyOptions>(configuration, ProxyOptions.SectionName);
        // Environment variables give one value more easily than a list: Proxy__KnownProxies="10.0.0.5, 10.0.0.6".
        services.PostConfigure<ProxyOptions>(o =>
        {
            o.KnownProxies = [.. o.KnownProxies, .. List(configuration[$"{ProxyOptions.SectionName}:KnownProxies"])];
            o.KnownNetworks = [.. o.KnownNetworks, .. List(configuration[$"{ProxyOptions.SectionName}:KnownNetworks"])];
        });
        services.AddOptions<ForwardedHeadersOptions>().Configure<ProxyOptions>((o, proxy) =>
        {
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            // With no proxy listed the middleware would believe every sender, so then it reads nothing at all.
            if (!proxy.Any)
            {
                o.ForwardedHeaders = ForwardedHeaders.None;
                return;
            }
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.ForwardLimit = null; // walk back through trusted proxies to the first address that is not one
            // A forwarded host must pass the same AllowedHosts as a direct one (the chat's streamUrl is built from it).
            if (configuration["AllowedHosts"] is { Length: > 0 } allowed && allowed.Trim() != "*")
                o.AllowedHosts = allowed.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var p in proxy.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(p));
            foreach (var n in proxy.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n));
        });
        // Any cookie set over https (directly or through a trusted proxy) is Secure.
        services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.SameAsRequest);
        services.Configure<AntiforgeryOptions>(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SuppressXFrameOptionsHeader = true; // SecurityHeaders sets it on every response, not only with a new cookie
        });
        return services;
    }

    /// <summary>First in the pipeline: the real client address, scheme and host, then the headers and cookie rules.</summary>
    public static IApplicationBuilder UseWebSecurity(this IApplicationBuilder app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders(app.ApplicationServices.GetRequiredService<IOptions<SecurityOptions>>());
        app.UseCookiePolicy();
        return app;
    }

    private static string[] List(string? value) => (value ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries);
}
