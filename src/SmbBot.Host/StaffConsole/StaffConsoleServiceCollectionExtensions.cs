using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using SmbBot.Core;
using SmbBot.Core.Staff;
using SmbBot.Core.Storage;
using SmbBot.Core.Tickets;
// Not the cookie handler's ITicketStore (Microsoft.AspNetCore.Authentication.Cookies).
using ITicketStore = SmbBot.Core.Tickets.ITicketStore;

namespace SmbBot.Host.StaffConsole;

/// <summary>The staff console: accounts, cookie sign-in, roles, pages and live updates.</summary>
public static class StaffConsoleServiceCollectionExtensions
{
    public const string StaffPolicy = "staff";
    public const string AdminPolicy = "admin";

    public static IServiceCollection AddStaffConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<StaffOptions>(configuration, StaffOptions.SectionName);
        services.AddSingleton<IPasswordHasher<StaffAccount>, PasswordHasher<StaffAccount>>();
        services.AddSingleton<IStaffAccountStore, LiteDbStaffAccountStore>();
        services.AddSingleton<StaffStore>();
        services.AddSingleton<SmbBot.Core.Teams.IStaffRoster>(sp => sp.GetRequiredService<StaffStore>());
        services.AddSingleton<ISignInFailureStore, MemorySignInFailureStore>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<StaffSignIn>();
        services.AddSignInRateLimits();
        services.AddHostedService<StaffBootstrap>();
        var session = configuration.GetValue($"{StaffOptions.SectionName}:SessionMinutes", 8 * 60);
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "smbbot.staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/console/signin";
            o.AccessDeniedPath = "/console/denied";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(session);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = ValidateAccount;
            o.Events.OnRedirectToLogin = c => ApiAware(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => ApiAware(c, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.RequireRole(StaffRoles.Agent, StaffRoles.Admin))
            .AddPolicy(AdminPolicy, p => p.RequireRole(StaffRoles.Admin));
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Console", StaffPolicy);
            o.Conventions.AllowAnonymousToPage("/Console/SignIn");
            o.Conventions.AuthorizePage("/Console/Staff", AdminPolicy);
            o.Conventions.AuthorizePage("/Console/Privacy", AdminPolicy);
            o.Conventions.AuthorizePage("/Console/Settings", AdminPolicy);
            o.Conventions.AuthorizePage("/Console/Knowledge", AdminPolicy);
            o.Conventions.AuthorizePage("/Console/KnowledgeHistory", AdminPolicy);
            o.Conventions.AuthorizePage("/Console/Teams", AdminPolicy);
            o.Conventions.AuthorizePage("/Console/RoutingRules", AdminPolicy);
        });
        services.AddSignalR();
        services.AddHostedService<QueueNotifier>();
        return services;
    }

    /// <summary>Maps the console's pages and its live-update hub.</summary>
    public static IEndpointRouteBuilder MapStaffConsole(this IEndpointRouteBuilder app)
    {
        app.MapRazorPages();
        app.MapHub<QueueHub>("/console/hub").RequireAuthorization(StaffPolicy);
        return app;
    }

    /// <summary>A disabled account loses its sign-in at the next request.</summary>
    private static async Task ValidateAccount(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var staff = context.HttpContext.RequestServices.GetRequiredService<StaffStore>();
        if (id is null || staff.Get(id) is not { Disabled: false })
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/console/hub"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>The console's live channel: the server tells open pages which ticket changed.</summary>
public sealed class QueueHub : Hub;

/// <summary>
/// Pushes every ticket change to the console pages: changes made here, and through the change feed those made on the
/// other hosts on one database (a resync after a gap refreshes every open page).
/// </summary>
public sealed class QueueNotifier(ITicketStore store, IChangeFeed feed, IHubContext<QueueHub> hub) : IHostedService
{
    /// <summary>The change feed's kind for tickets; the key is the ticket id.</summary>
    public const string TicketKind = "ticket";

    private void OnChanged(Ticket ticket)
    {
        _ = hub.Clients.All.SendAsync("ticketChanged", ticket.Number);
        feed.Publish(TicketKind, ticket.Id.ToString(CultureInfo.InvariantCulture));
    }

    private void OnReceived(Change change)
    {
        if (change.Kind == Change.ResyncKind) _ = hub.Clients.All.SendAsync("ticketChanged", (string?)null);
        else if (change.Kind == TicketKind && int.TryParse(change.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            _ = hub.Clients.All.SendAsync("ticketChanged", Ticket.NumberFor(id));
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        store.Changed += OnChanged;
        feed.Received += OnReceived;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        store.Changed -= OnChanged;
        feed.Received -= OnReceived;
        return Task.CompletedTask;
    }
}
