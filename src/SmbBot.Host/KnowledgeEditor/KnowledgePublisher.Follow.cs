using System.Diagnostics;
using SmbBot.Core.KnowledgeEditing;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Understanding;

namespace SmbBot.Host.KnowledgeEditor;

public sealed partial class KnowledgePublisher
{
    /// <summary>After another host's notice, a gap in the notices, or at start: take the newest version if it is not the one in use.</summary>
    private async Task FollowNewestAsync(LoadedKnowledge current, long started, CancellationToken cancellationToken)
    {
        var newest = versions.Newest();
        if (KnowledgeSync.OnNotice(newest, LiveFingerprint) == KnowledgeStep.Adopt)
            await AdoptAsync(current, newest!, started, cancellationToken);
        else if (newest is not null && _status.Live?.Number != newest.Number && _status.State != "running")
            _status = _status with { Live = newest };
    }

    /// <summary>
    /// Runs <paramref name="adopted"/>, published on another host: its files are built the way a publish builds them
    /// (the classifier trained here, from the same files), written into the knowledge folder and switched to, and
    /// nothing is recorded: no version (it is one already), no audit entry, no FAQ vectors (the publishing host stored
    /// them; they are re-read here). The golden questions were checked where it was published.
    /// </summary>
    private async Task AdoptAsync(LoadedKnowledge current, KnowledgeVersion adopted, long started, CancellationToken cancellationToken)
    {
        if (versions.Files(adopted.Number) is not { } files) return;
        using var checkout = KnowledgeCheckout.Write(files, paths.Data);
        index.Reload();
        Step($"taking version {adopted.Number}, published on another host");
        KnowledgeBase knowledge;
        try
        {
            knowledge = KnowledgeBase.Load(checkout.Path) with { Customers = current.Knowledge.Customers };
        }
        catch (KnowledgeFileException e)
        {
            Fail($"version {adopted.Number} cannot be read here: {e.Message}; the bot keeps answering with the version in use");
            return;
        }
        var (version, report, _) = await KnowledgeBuilder.BuildAsync(knowledge, current, index, embeddings, routing.Value, Step,
            cancellationToken: cancellationToken);

        Step("writing the knowledge files");
        KnowledgeFolder.Write(files, paths.Knowledge);
        if (report.Retrained || !File.Exists(IntentTraining.ModelPath(paths.Models, knowledge)))
            IntentTraining.Save(knowledge, version.Model, paths.Models);

        Step(SwitchingStep);
        runtime.Activate(version);
        Volatile.Write(ref _liveFingerprint, adopted.Fingerprint);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        _status = new PublishStatus("published", "", $"version {adopted.Number}, published by {adopted.By}, is live ({adopted.Summary}); {Cost(report)}",
            [], adopted, seconds, Now);
        if (!draft.HasChanges) draft.ResetFrom(paths.Knowledge);
        LogAdopted(logger, adopted.Number, seconds, report.Embedded, report.Retrained);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge version {Number}, published on another host, is live after {Seconds:0.0} s ({Embedded} texts embedded, classifier retrained: {Retrained})")]
    private static partial void LogAdopted(ILogger logger, int number, double seconds, int embedded, bool retrained);
}
