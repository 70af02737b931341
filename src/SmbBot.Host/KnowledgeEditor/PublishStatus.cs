using SmbBot.Core.KnowledgeEditing;

namespace SmbBot.Host.KnowledgeEditor;

/// <summary>What the publisher is doing, for the editor page (polled as JSON).</summary>
/// <param name="State"><c>idle</c>, <c>running</c>, <c>published</c> or <c>failed</c>.</param>
/// <param name="Step">The step running now, or the last one.</param>
/// <param name="Message">Why it failed, or what was published.</param>
/// <param name="Broken">The golden questions the refused version breaks.</param>
/// <param name="Live">The version the bot answers with.</param>
/// <param name="Seconds">How long the last publish took, from request to live.</param>
public sealed record PublishStatus(string State, string Step, string Message, IReadOnlyList<string> Broken, KnowledgeVersion? Live,
    double? Seconds, DateTime At)
{
    public static PublishStatus Idle(KnowledgeVersion? live, DateTime at) => new("idle", "", "", [], live, null, at);
}

/// <summary>What to publish.</summary>
public enum PublishSource
{
    /// <summary>The admins' draft.</summary>
    Draft,
    /// <summary>A kept version (a rollback).</summary>
    Version,
    /// <summary>The knowledge files as they are on disk (changed by someone else, or "reload from disk").</summary>
    Disk,
    /// <summary>The newest version in a store shared by several hosts, published on another host: taken, not recorded again.</summary>
    Newest,
}

/// <summary>A request to publish, from <paramref name="Actor"/>; <paramref name="Version"/> for a rollback.</summary>
public sealed record PublishRequest(PublishSource Source, string Actor, int? Version = null);
