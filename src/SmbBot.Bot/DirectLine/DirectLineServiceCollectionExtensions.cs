using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmbBot.Bot.Hosting;
using SmbBot.Core;
using SmbBot.Core.DirectLine;
using SmbBot.Core.Storage;

namespace SmbBot.Bot.DirectLine;

/// <summary>Registers the built-in Direct Line channel.</summary>
public static class DirectLineServiceCollectionExtensions
{
    /// <summary>Adds the channel; <paramref name="dataFolder"/> gives where a generated secret is kept.</summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, string> dataFolder)
    {
        services.AddSettings<DirectLineOptions>(configuration, DirectLineOptions.SectionName);
        services.AddSingleton(sp => new DirectLineSecret(sp.GetRequiredService<DirectLineOptions>().Secret, dataFolder(sp)));
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<IDirectLineStore, LiteDbDirectLineStore>();
        services.AddSingleton<SmbBot.Core.Privacy.IPersonalDataHolder, DirectLinePersonalData>();
        services.AddSingleton<DirectLineAccess>();
        services.AddSingleton<StreamUrls>();
        services.AddDirectLineRateLimits();
        services.AddSingleton(sp => new ConnectorAddress(sp.GetRequiredService<DirectLineOptions>(), () => ServerAddress(sp)));
        services.AddSingleton<DirectLineChannel>();
        services.AddSingleton<DirectLinePresence>();
        services.AddSingleton<SmbBot.Core.CustomerMail.ICustomerPresence>(sp => sp.GetRequiredService<DirectLinePresence>());
        services.AddHostedService<DirectLineJanitor>();
        return services;
    }

    private static string? ServerAddress(IServiceProvider sp)
    {
        var address = sp.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null) return null;
        return address.Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://127.0.0.1").Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1");
    }
}

/// <summary>Deletes Direct Line conversations that have been idle longer than <see cref="DirectLineOptions.IdleHours"/>, hourly.</summary>
public sealed class DirectLineJanitor(IDirectLineStore store, DirectLineOptions options, TimeProvider clock, IJobClaims claims,
    ILogger<DirectLineJanitor> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(nameof(DirectLineJanitor), TimeSpan.FromHours(1), clock,
            () => store.ExpireIdle(clock.GetUtcNow().UtcDateTime.AddHours(-options.IdleHours)), log, stoppingToken, claims);
}
