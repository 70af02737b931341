using Microsoft.Extensions.Options;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Host.Runtime;

namespace SmbBot.Host;

/// <summary>Runs the host and turns a start-up failure the owner can fix into one clear line and exit code 1.</summary>
public static class StartupGuard
{
    /// <summary>Runs <paramref name="app"/> until shutdown.</summary>
    public static async Task<int> RunAsync(WebApplication app)
    {
        if (ListenAddressCheck.TakenAddress(app.Configuration) is { } taken)
        {
            await Console.Error.WriteLineAsync(ListenAddressCheck.Explain(taken));
            return 1;
        }
        var storeFaults = app.Services.GetRequiredService<SmbBot.Core.StoreFaults>();
        try
        {
            // Before anything reads the store: the settings, and on PostgreSQL the database reached and migrated.
            await StorageStart.PrepareAsync(app.Services);
            // Taken before the run: RunAsync disposes the services when the host has stopped.
            var background = app.Services.GetServices<IHostedService>().ToArray();
            await app.RunAsync();
            if (storeFaults.Faulted) return SmbBot.Core.StoreFaults.ExitCode;
            // A background task that fails stops the host (the .NET default), which would otherwise end with exit code 0
            // and not be restarted by the service manager.
            if (BackgroundFailure.Find(background) is { } failed)
            {
                await Console.Error.WriteLineAsync(BackgroundFailure.Explain(failed));
                return BackgroundFailure.ExitCode;
            }
            return 0;
        }
        catch (KnowledgeFileException e)
        {
            await Console.Error.WriteLineAsync($"SmbBot cannot start: {e.Message}");
            return 1;
        }
        catch (DataStoreException e)
        {
            await Console.Error.WriteLineAsync($"SmbBot cannot start: {e.Message}");
            return 1;
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            // Taken between the check above and the server's own bind.
            await Console.Error.WriteLineAsync(ListenAddressCheck.Advice(e.Message));
            return 1;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"SmbBot cannot start, a setting is invalid: {string.Join("; ", e.Failures)}");
            return 1;
        }
    }
}
