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
        try
        {
            await app.RunAsync();
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
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"SmbBot cannot start, a setting is invalid: {string.Join("; ", e.Failures)}");
            return 1;
        }
    }
}
