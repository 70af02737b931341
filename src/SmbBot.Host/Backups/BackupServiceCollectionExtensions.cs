using SmbBot.Host.Configuration;

namespace SmbBot.Host.Backups;

/// <summary>Registers the scheduled backups and the answers to the <c>backup</c> command.</summary>
public static class BackupServiceCollectionExtensions
{
    /// <summary>Adds the <c>Backup</c> settings (validated at start), the backup status and the scheduler.</summary>
    public static IServiceCollection AddBackups(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BackupOptions>().Bind(configuration.GetSection(BackupOptions.SectionName)).ValidateDataAnnotations()
            .Validate<SmbBotPaths>((_, paths) => BackupOptions.FolderProblem(paths) is null, "Backup:Folder must be a folder of its own, not the data folder (Storage:DataPath)")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<BackupOptions>>().Value);
        services.AddSingleton(sp => new BackupStatus(sp.GetRequiredService<SmbBotPaths>().Backups));
        services.AddHostedService<BackupScheduler>();
        return services;
    }
}
