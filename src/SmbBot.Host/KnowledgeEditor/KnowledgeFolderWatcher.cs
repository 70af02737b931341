using SmbBot.Core.KnowledgeEditing;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Languages;
using SmbBot.Host.Configuration;

namespace SmbBot.Host.KnowledgeEditor;

/// <summary>
/// Publishes the knowledge files when someone changes them on disk (an editor, <c>git pull</c>, a copy). A change is
/// read only once the files have stopped changing for <see cref="Quiet"/> and still hash the same after it, and only
/// if they parse: a half-written file is never read, and a file that cannot be read keeps the version in use and is
/// shown on the editor page and in the log.
/// </summary>
public sealed class KnowledgeFolderWatcher(SmbBotPaths paths, KnowledgePublisher publisher) : IHostedService, IDisposable
{
    /// <summary>How long the files must be left alone before they are read.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    private FileSystemWatcher? _watcher;
    private Timer? _timer;
    private string? _seen;

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = new Timer(_ => Settle());
        _watcher = new FileSystemWatcher(paths.Knowledge) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName };
        _watcher.Changed += (_, _) => Touched();
        _watcher.Created += (_, _) => Touched();
        _watcher.Deleted += (_, _) => Touched();
        _watcher.Renamed += (_, _) => Touched();
        _watcher.EnableRaisingEvents = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_watcher is not null) _watcher.EnableRaisingEvents = false;
        _timer?.Change(Timeout.Infinite, Timeout.Infinite);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _watcher?.Dispose();
        _timer?.Dispose();
    }

    private void Touched()
    {
        _seen = null;
        _timer?.Change(Quiet, Timeout.InfiniteTimeSpan);
    }

    /// <summary>After a quiet spell: the same fingerprint twice in a row, then a parse, then a publish.</summary>
    private void Settle()
    {
        try
        {
            var fingerprint = KnowledgeFolder.Fingerprint(paths.Knowledge);
            if (fingerprint == publisher.LiveFingerprint) return;
            if (fingerprint != _seen)
            {
                _seen = fingerprint;
                _timer?.Change(Quiet, Timeout.InfiniteTimeSpan);
                return;
            }
            KnowledgeBase.Load(paths.Knowledge);
            GoldenQuestions.Load(paths.Knowledge);
            LanguageTexts.Load(paths.Knowledge);
            publisher.Request(new PublishRequest(PublishSource.Disk, KnowledgePublisher.WatcherActor));
        }
        catch (KnowledgeFileException e)
        {
            publisher.Refuse($"the knowledge files on disk cannot be read: {e.Message}; the bot keeps answering with the version in use");
        }
        catch (IOException)
        {
            // A file still being written or moved: look again after the next quiet spell.
            _timer?.Change(Quiet, Timeout.InfiniteTimeSpan);
        }
    }
}
