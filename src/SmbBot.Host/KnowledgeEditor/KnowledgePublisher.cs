using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SmbBot.Core.KnowledgeEditing;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Languages;
using SmbBot.Core.Privacy;
using SmbBot.Core.Routing;
using SmbBot.Core.Storage;
using SmbBot.Host.Configuration;
using SmbBot.Knowledge.Embeddings;
using SmbBot.Knowledge.VectorStore;
using SmbBot.Understanding;

namespace SmbBot.Host.KnowledgeEditor;

/// <summary>
/// Publishes a version of the knowledge in the background, one at a time, while the bot keeps answering with the
/// version in use: reads the files, builds the new version aside (<see cref="KnowledgeBuilder"/>), runs the golden
/// questions on it, writes the knowledge files atomically, then switches the bot to it in one step. Any failure leaves
/// the version in use serving and says why in <see cref="Status"/>. On a version store shared by several hosts each
/// publish is announced on the change feed, and the other hosts take that version (see <see cref="AdoptAsync"/>).
/// </summary>
public sealed partial class KnowledgePublisher(SmbBotPaths paths, BotRuntime runtime, FaqPhrasingCollection index,
    MiniLmEmbeddingGenerator embeddings, IOptions<RoutingOptions> routing, KnowledgeDraft draft, IKnowledgeVersionStore versions,
    IChangeFeed feed, IAuditLog audit, TimeProvider clock, ILogger<KnowledgePublisher> logger) : BackgroundService
{
    private readonly Channel<(PublishRequest Request, long Started)> _requests = Channel.CreateUnbounded<(PublishRequest, long)>();
    private volatile PublishStatus _status = PublishStatus.Idle(null, DateTime.UtcNow);
    private string _liveFingerprint = "";

    /// <summary>The step during which the bot switches to the new version: before it, every turn is answered by the version in use.</summary>
    public const string SwitchingStep = "switching the bot to the new version";

    /// <summary>Who a publish of files changed on disk is recorded as.</summary>
    public const string WatcherActor = "files on disk";

    /// <summary>Who taking another host's version is recorded as (in the status only: nothing new is recorded).</summary>
    public const string OtherHostActor = "another host";

    /// <summary>The change feed's kind for a new knowledge version; the key is its number.</summary>
    public const string VersionKind = "knowledge";

    /// <summary>What the publisher is doing or did last.</summary>
    public PublishStatus Status => _status;

    /// <summary>Queues a publish; the page follows it through <see cref="Status"/>.</summary>
    public void Request(PublishRequest request)
    {
        // The watcher's requests show once they turn out to change something: most are the publisher's own writes.
        if (request.Actor is not (WatcherActor or OtherHostActor))
            _status = _status with { State = "running", Step = "waiting for the publish before it", Message = "", Broken = [] };
        _requests.Writer.TryWrite((request, Stopwatch.GetTimestamp()));
    }

    /// <summary>Shows a problem with the files on disk without publishing (the version in use keeps serving).</summary>
    public void Refuse(string message)
    {
        LogFailed(logger, message);
        _status = _status with { State = "failed", Step = "reading the files on disk", Message = message, Broken = [], At = Now };
    }

    /// <summary>The fingerprint of the files the bot answers with.</summary>
    public string LiveFingerprint => Volatile.Read(ref _liveFingerprint);

    /// <inheritdoc/>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // The knowledge start-up has activated the files on disk: they are a version, and the draft starts from them.
        // On a shared store a folder holding an older version takes the newest in the background, as after a notice;
        // a folder edited while the host was stopped becomes the newest version, and the other hosts follow it.
        KnowledgeCheckout.RemoveLeftovers(paths.Data);
        var files = KnowledgeFolder.Read(paths.Knowledge);
        var fingerprint = KnowledgeFolder.Fingerprint(files);
        var newest = versions.Newest();
        var recorded = newest is not null && newest.Fingerprint != fingerprint && versions.List().Any(v => v.Fingerprint == fingerprint);
        var live = KnowledgeSync.AtStart(versions.Shared, newest, fingerprint, recorded) switch
        {
            KnowledgeStep.Record when versions.Shared => RecordEditedWhileStopped(files),
            KnowledgeStep.Record => versions.Add(files, WatcherActor, "as found at start", Now),
            KnowledgeStep.RecordFirst => versions.AddFirst(files, WatcherActor, "as found at start", Now),
            _ => newest,
        };
        Volatile.Write(ref _liveFingerprint, fingerprint);
        draft.EnsureFrom(paths.Knowledge);
        _status = PublishStatus.Idle(live?.Fingerprint == fingerprint ? live : null, Now);
        feed.Received += OnChange;
        if (live?.Fingerprint != fingerprint) Request(new PublishRequest(PublishSource.Newest, OtherHostActor));
        return base.StartAsync(cancellationToken);
    }

    private KnowledgeVersion RecordEditedWhileStopped(IReadOnlyDictionary<string, byte[]> files)
    {
        var (version, added) = versions.AddChanged(files, WatcherActor, "files changed on disk while SmbBot was stopped", Now);
        if (added) feed.Publish(VersionKind, version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return version;
    }

    /// <inheritdoc/>
    public override Task StopAsync(CancellationToken cancellationToken)
    {
        feed.Received -= OnChange;
        return base.StopAsync(cancellationToken);
    }

    /// <summary>Another host published, or notices may have been missed (the feed reconnected): follow the newest version.</summary>
    private void OnChange(Change change)
    {
        if (change.Kind is VersionKind or Change.ResyncKind) Request(new PublishRequest(PublishSource.Newest, OtherHostActor));
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (request, started) in _requests.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await PublishAsync(request, started, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Fail($"the publish failed ({e.GetType().Name}: {e.Message}); the bot keeps answering with the version in use");
                LogError(logger, e);
            }
        }
    }

    private async Task PublishAsync(PublishRequest request, long started, CancellationToken cancellationToken)
    {
        var current = runtime.Current ?? throw new InvalidOperationException("the bot has not started");
        if (request.Source == PublishSource.Newest)
        {
            await FollowNewestAsync(current, started, cancellationToken);
            return;
        }
        var kept = request.Source == PublishSource.Version ? versions.Files(request.Version ?? 0) : null;
        if (request.Source == PublishSource.Version && kept is null)
        {
            Fail($"there is no version {request.Version}");
            return;
        }
        using var checkout = kept is null ? null : KnowledgeCheckout.Write(kept, paths.Data);
        var source = request.Source switch
        {
            PublishSource.Draft => draft.Folder,
            PublishSource.Version => checkout!.Path,
            _ => paths.Knowledge,
        };
        if (request.Source == PublishSource.Disk)
        {
            var disk = KnowledgeFolder.Fingerprint(source);
            if (disk == LiveFingerprint)
            {
                if (request.Actor != WatcherActor)
                    _status = _status with { State = "published", Step = "", Message = "the files on disk are the version in use", At = Now };
                return;
            }
            var newest = versions.Newest();
            if (KnowledgeSync.OnDisk(versions.Shared, newest, disk) == KnowledgeStep.Adopt)
            {
                await AdoptAsync(current, newest!, started, cancellationToken);
                return;
            }
        }
        // On a store shared by several hosts, another host may have published since: its vectors are reused, not embedded again.
        index.Reload();
        var draftRevision = draft.Revision;
        Step("reading the files");
        KnowledgeBase knowledge;
        IReadOnlyList<GoldenQuestion> golden;
        try
        {
            knowledge = KnowledgeBase.Load(source) with { Customers = current.Knowledge.Customers };
            golden = GoldenQuestions.Load(source);
            // Left out for the built-in texts at start (like a bad FAQ row); a publish of it is refused instead.
            LanguageTexts.Load(source);
        }
        catch (KnowledgeFileException e)
        {
            Fail($"{e.Message}; the bot keeps answering with the version in use");
            return;
        }
        var (version, report, _) = await KnowledgeBuilder.BuildAsync(knowledge, current, index, embeddings, routing.Value, Step,
            cancellationToken: cancellationToken);

        Step($"running {golden.Count} golden question(s)");
        var broken = GoldenCheck.Run(version, golden, runtime.Embeddings);
        if (broken.Count > 0)
        {
            Fail($"refused: {broken.Count} golden question(s) would break; the bot keeps answering with the version in use", broken.Select(b => b.ToString()).ToArray());
            return;
        }

        Step("writing the knowledge files");
        var summary = request.Source == PublishSource.Version ? $"rollback to version {request.Version}: {Summary(current.Knowledge, knowledge)}"
            : request.Source == PublishSource.Disk ? $"files changed on disk: {Summary(current.Knowledge, knowledge)}"
            : Summary(current.Knowledge, knowledge);
        if (request.Source != PublishSource.Disk) KnowledgeFolder.Mirror(source, paths.Knowledge);
        if (report.Retrained || !File.Exists(IntentTraining.ModelPath(paths.Models, knowledge)))
            IntentTraining.Save(knowledge, version.Model, paths.Models);
        var files = KnowledgeFolder.Read(paths.Knowledge);
        // Hosts sharing one knowledge folder all publish one change on disk: the first records it, the others take it.
        var (recorded, added) = request.Source == PublishSource.Disk ? versions.AddChanged(files, request.Actor, summary, Now)
            : (versions.Add(files, request.Actor, summary, Now), true);

        Step(SwitchingStep);
        runtime.Activate(version);
        Volatile.Write(ref _liveFingerprint, KnowledgeFolder.Fingerprint(files));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        _status = new PublishStatus("published", "", $"version {recorded.Number} is live ({summary}); {Cost(report)}", [], recorded, seconds, Now);
        if (request.Source == PublishSource.Draft) draft.ResetFrom(paths.Knowledge, draftRevision);
        else if (request.Source == PublishSource.Version || !draft.HasChanges) draft.ResetFrom(paths.Knowledge);
        if (!added) return;
        // The stored index (read at the next start) follows; the bot already searches the new version's own copy. Only
        // the publishing host writes it, before it tells the others, so they re-read the vectors instead of embedding.
        await KnowledgeBuilder.CopyIndexAsync(version.Index, index, cancellationToken);
        feed.Publish(VersionKind, recorded.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        audit.Add(new AuditEntry
        {
            At = Now, Actor = request.Actor, Action = request.Source == PublishSource.Version ? "knowledge-rollback" : "knowledge-publish",
            Detail = $"version {recorded.Number}: {summary}",
        });
        LogPublished(logger, recorded.Number, seconds, report.Embedded, report.Retrained);
    }

    private static string Summary(KnowledgeBase before, KnowledgeBase after)
    {
        var changes = FaqDiff.Compare(before.Faq, after.Faq);
        string Ids(IEnumerable<FaqEntryChange> c) => string.Join(", ", c.Select(x => x.Id).Take(5)) + (c.Count() > 5 ? ", ..." : "");
        var parts = new[]
        {
            (Label: "added", Items: changes.Where(c => c.Before is null).ToArray()),
            (Label: "removed", Items: changes.Where(c => c.After is null).ToArray()),
            (Label: "changed", Items: changes.Where(c => c.Before is not null && c.After is not null).ToArray()),
        }.Where(p => p.Items.Length > 0).Select(p => $"{p.Label} {Ids(p.Items)}").ToList();
        if (!before.Languages.SameAs(after.Languages)) parts.Add($"{LanguageTexts.FileName} changed");
        return parts.Count == 0 ? "no FAQ entry changed" : string.Join("; ", parts);
    }

    private static string Cost(BuildReport r) =>
        $"{r.Embedded} text(s) embedded, {(r.Retrained ? $"classifier retrained in {r.TrainMilliseconds / 1000.0:0.0} s" : "classifier reused")}, thresholds chosen in {r.CalibrateMilliseconds} ms";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private void Step(string step) => _status = _status with { State = "running", Step = step, Message = "", Broken = [], At = Now };

    private void Fail(string message, IReadOnlyList<string>? broken = null)
    {
        LogFailed(logger, message);
        _status = _status with { State = "failed", Message = message, Broken = broken ?? [], At = Now };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge version {Number} is live after {Seconds:0.0} s ({Embedded} texts embedded, classifier retrained: {Retrained})")]
    private static partial void LogPublished(ILogger logger, int number, double seconds, int embedded, bool retrained);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge not published: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Knowledge publish failed")]
    private static partial void LogError(ILogger logger, Exception exception);
}
