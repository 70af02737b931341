using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using SmbBot.Host.Configuration;
using SmbBot.PostgreSql;

namespace SmbBot.Host.Runtime;

/// <summary>Chooses the engine the stores live in (<c>Storage:Provider</c>).</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// On PostgreSQL: one <see cref="NpgsqlDataSource"/> from <c>Storage:ConnectionString</c>, its readiness check, and
    /// the PostgreSQL stores (<see cref="PostgreSqlStoreRegistrations"/>) in place of the LiteDB ones. Called after
    /// everything that registers a LiteDB store; on LiteDB it changes nothing.
    /// </summary>
    public static IServiceCollection AddStorageProvider(this IServiceCollection services, IConfiguration configuration)
    {
        if (Chosen(configuration) != StorageProvider.PostgreSql) return services;
        services.AddSingleton(sp => NpgsqlDataSource.Create(sp.GetRequiredService<StorageOptions>().ConnectionString!));
        services.Use<IStoreCheck, PostgreSqlStoreCheck>();
        PostgreSqlStoreRegistrations.Add(services);
        // The scheduled backups copy the LiteDB file, which holds nothing here: the database is backed up with its own tools.
        foreach (var scheduler in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(Backups.BackupScheduler)).ToArray())
            services.Remove(scheduler);
        return services;
    }

    /// <summary>The engine configured; a wrong setting counts as LiteDb here and stops the start when the settings are validated.</summary>
    public static StorageProvider Chosen(IConfiguration configuration) =>
        StorageSettings.Check(configuration[$"{StorageOptions.SectionName}:Provider"], configuration[$"{StorageOptions.SectionName}:ConnectionString"]).Provider
        ?? StorageProvider.LiteDb;

    /// <summary>Registers <typeparamref name="TImplementation"/> as the one <typeparamref name="TService"/>, replacing what was registered.</summary>
    internal static IServiceCollection Use<TService, TImplementation>(this IServiceCollection services)
        where TService : class where TImplementation : class, TService
    {
        services.RemoveAll<TService>();
        return services.AddSingleton<TService, TImplementation>();
    }

    /// <summary>Registers <paramref name="build"/>'s result as the one <typeparamref name="TService"/>, replacing what was registered.</summary>
    internal static IServiceCollection Use<TService>(this IServiceCollection services, Func<IServiceProvider, TService> build)
        where TService : class
    {
        services.RemoveAll<TService>();
        return services.AddSingleton(build);
    }
}
