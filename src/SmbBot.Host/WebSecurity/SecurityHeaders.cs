using Microsoft.Extensions.Options;

namespace SmbBot.Host.WebSecurity;

/// <summary>
/// The security headers every response carries. The website's pages (the chat) may be framed where
/// <see cref="SecurityOptions.FrameAncestors"/> allows and take inline styles (Web Chat writes its styles into
/// <c>&lt;style&gt;</c> elements at run time); everything else, the console and the APIs, is never framed and takes
/// nothing inline. Scripts only ever come from this site's own files.
/// </summary>
public static class SecurityHeaders
{
    private const string Common = "default-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

    /// <summary>The headers for a response to <paramref name="path"/>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> For(PathString path, string frameAncestors)
    {
        var website = IsWebsitePage(path);
        var ancestors = website ? frameAncestors : "'none'";
        var csp = website
            ? $"{Common}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' data: blob:; font-src 'self' data:; frame-ancestors {ancestors}"
            : $"{Common}; style-src 'self'; img-src 'self' data:; frame-ancestors {ancestors}";
        List<KeyValuePair<string, string>> headers =
        [
            new("Content-Security-Policy", csp),
            new("X-Content-Type-Options", "nosniff"),
            new("Referrer-Policy", "same-origin"),
        ];
        // The older header for browsers without frame-ancestors; it cannot name other sites, so then only the CSP speaks.
        if (ancestors switch { "'none'" => "DENY", "'self'" => "SAMEORIGIN", _ => null } is { } frameOptions)
            headers.Add(new("X-Frame-Options", frameOptions));
        return headers;
    }

    /// <summary>The website's own pages: <c>/</c> and <c>*.html</c> files.</summary>
    public static bool IsWebsitePage(PathString path) =>
        path.Value is null or "" or "/" || path.Value.EndsWith(".html", StringComparison.OrdinalIgnoreCase);

    /// <summary>Adds the headers to every response, just before it starts (so also to errors and rate-limit refusals).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IOptions<SecurityOptions> options) => app.Use((context, next) =>
    {
        // Read per request, not while the pipeline is built, so a wrong setting is reported by the start-up check.
        var headers = For(context.Request.Path, options.Value.FrameAncestors);
        context.Response.OnStarting(() =>
        {
            foreach (var (name, value) in headers) context.Response.Headers[name] = value;
            return Task.CompletedTask;
        });
        return next(context);
    });
}
