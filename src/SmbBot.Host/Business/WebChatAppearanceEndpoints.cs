using Microsoft.AspNetCore.Http.HttpResults;
using SmbBot.Core.Business;

namespace SmbBot.Host.Business;

/// <summary>What the website chat shows of the business: its name, greeting, topics, colours and avatar. Public; no personal data.</summary>
public static class WebChatAppearanceEndpoints
{
    /// <summary>Maps <c>GET /api/webchat/appearance</c> and <c>GET /api/webchat/avatar</c>.</summary>
    public static IEndpointRouteBuilder MapWebChatAppearance(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/webchat/appearance", Ok<ChatAppearance> (HttpContext http, BusinessSettings settings) =>
        {
            http.Response.Headers.CacheControl = "no-cache";
            return TypedResults.Ok(ChatAppearance.Of(settings.Current, settings.Version, settings.Avatar is not null));
        });
        app.MapGet("/api/webchat/avatar", Results<FileContentHttpResult, NotFound> (HttpContext http, BusinessSettings settings) =>
        {
            if (settings.Avatar is not { } avatar) return TypedResults.NotFound();
            // The URL carries the version, so a changed avatar is a new URL; the type comes from the file's bytes.
            http.Response.Headers.CacheControl = "public, max-age=300";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.ContentDisposition = "inline; filename=\"avatar." + avatar.Extension + "\"";
            return TypedResults.File(avatar.Bytes, avatar.ContentType);
        });
        return app;
    }
}

/// <summary>The chat's look, as the widget reads it.</summary>
/// <param name="Title">The chat's header ("Harbour &amp; Pine Outdoor assistant").</param>
/// <param name="AccentText">Black or white, whichever reads better on the accent colour.</param>
/// <param name="AvatarUrl">Null when the chat shows <paramref name="Initials"/>.</param>
public sealed record ChatAppearance(string BusinessName, string Title, string Greeting, IReadOnlyList<string> Topics,
    string Accent, string AccentText, string AccentSoft, string Initials, string? AvatarUrl)
{
    public static ChatAppearance Of(BusinessProfile profile, string version, bool hasAvatar) => new(
        profile.BusinessName, $"{profile.BusinessName} assistant", profile.GreetingText, profile.Topics,
        profile.AccentColour, BrandColours.TextOn(profile.AccentColour), BrandColours.Soft(profile.AccentColour), profile.Initials,
        hasAvatar ? $"/api/webchat/avatar?v={version}" : null);
}
