using SmbBot.Core.Teams;
using SmbBot.Host.Configuration;

namespace SmbBot.Host.Routing;

/// <summary>Teams, the routing rules of <c>knowledge/routing.json</c> and automatic assignment.</summary>
public static class RoutingServiceCollectionExtensions
{
    public static IServiceCollection AddTicketRouting(this IServiceCollection services)
    {
        services.AddSingleton<ITeamStore, LiteDbTeamStore>();
        services.AddSingleton(sp =>
        {
            var paths = sp.GetRequiredService<SmbBotPaths>();
            var file = Path.Combine(paths.Knowledge, RoutingRulesFile.FileName);
            return new RoutingRulesSource(file, Path.Combine(Path.GetFileName(paths.Knowledge), RoutingRulesFile.FileName));
        });
        // The business hours in force now: the settings page changes them while running.
        services.AddSingleton(sp => new TicketAssigner(sp.GetRequiredService<RoutingRulesSource>(), sp.GetRequiredService<ITeamStore>(),
            sp.GetRequiredService<IStaffRoster>(), sp.GetRequiredService<SmbBot.Core.Tickets.ITicketStore>(), () => sp.GetRequiredService<SmbBot.Core.Tickets.TicketRouting>().Calendar));
        services.AddHostedService<RoutingRulesStartup>();
        return services;
    }
}

/// <summary>Reads the routing rules when the host starts, so that a bad file stops the start with a message naming the rule and field.</summary>
public sealed partial class RoutingRulesStartup(RoutingRulesSource rules, ITeamStore teams, ILogger<RoutingRulesStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A team named by a rule may not be created yet on a new install: warned, not fatal (the ticket stays in everyone's queue).
        var persons = rules.Rules.Select(r => r.Then.Person ?? "");
        if (RoutingRulesFile.Unknown(rules.Rules, teams.All().Select(t => t.Name), persons) is { } problem) LogUnknownTeam(logger, problem);
        LogLoaded(logger, rules.Rules.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Routing: {Count} rule(s)")]
    private static partial void LogLoaded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Routing: {Problem}; such tickets stay in everyone's queue")]
    private static partial void LogUnknownTeam(ILogger logger, string problem);
}
