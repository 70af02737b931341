using System.Text.Json;
using SmbBot.Core.Storage;

namespace SmbBot.Host.Backups;

/// <summary>The running host's answer to a backup request: the backup's path and contents, or why it failed.</summary>
public sealed record BackupAnswer(string? File, string? Contents, string? Error);

/// <summary>
/// How the <c>backup</c> command asks a running host for a backup: a request file in the data folder, answered by a
/// file next to it. Only an account that may write in the data folder (the service's, or root) can ask; nothing
/// listens on the network. See docs/decisions.md.
/// </summary>
public static class BackupRequests
{
    private const string RequestPrefix = "backup-request.";
    private const string AnswerPrefix = "backup-answer.";

    /// <summary>Asks the host running on <paramref name="dataFolder"/> and waits up to <paramref name="timeout"/> for its answer.</summary>
    public static async Task<BackupAnswer> AskAsync(string dataFolder, TimeSpan timeout, CancellationToken cancel = default)
    {
        var id = Guid.NewGuid().ToString("N");
        var request = Path.Combine(dataFolder, RequestPrefix + id);
        var answer = Path.Combine(dataFolder, AnswerPrefix + id);
        OwnerOnly.WriteAllText(request, "");
        var deadline = DateTime.UtcNow + timeout;
        try
        {
            while (DateTime.UtcNow < deadline)
            {
                if (File.Exists(answer) && TryRead(answer) is { } read) return read;
                await Task.Delay(200, cancel);
            }
            return new BackupAnswer(null, null, $"the running SmbBot did not answer within {timeout.TotalSeconds:0} s (is it still starting?); try again");
        }
        finally
        {
            File.Delete(request);
            File.Delete(answer);
        }
    }

    /// <summary>The ids of the requests waiting in <paramref name="dataFolder"/>.</summary>
    public static IReadOnlyList<string> Pending(string dataFolder) =>
        Directory.Exists(dataFolder)
            ? Directory.EnumerateFiles(dataFolder, RequestPrefix + "*").Select(f => Path.GetFileName(f)[RequestPrefix.Length..]).ToArray()
            : [];

    /// <summary>Answers request <paramref name="id"/> (written whole, then renamed, so the asker never reads half of it).</summary>
    public static void Answer(string dataFolder, string id, BackupAnswer answer)
    {
        var request = Path.Combine(dataFolder, RequestPrefix + id);
        if (!File.Exists(request)) return; // the asker gave up
        var target = Path.Combine(dataFolder, AnswerPrefix + id);
        OwnerOnly.WriteAllText(target + ".tmp", JsonSerializer.Serialize(answer));
        File.Move(target + ".tmp", target, overwrite: true);
        File.Delete(request);
    }

    private static BackupAnswer? TryRead(string file)
    {
        try { return JsonSerializer.Deserialize<BackupAnswer>(File.ReadAllText(file)); }
        catch (Exception e) when (e is IOException or JsonException) { return null; }
    }
}
