namespace SmbBot.Core.Storage;

/// <summary>
/// Tells the other hosts on one database what changed here (a ticket, a chat), so what they show live (the staff
/// console, a customer's Web Chat stream) follows changes made on any host. Changes made in this process are not
/// received back: each host raises its own local events as before.
/// </summary>
public interface IChangeFeed
{
    /// <summary>A change made on another host; <see cref="Change.Resync"/> after a gap in which changes may have been missed.</summary>
    event Action<Change>? Received;

    /// <summary>Tells the other hosts that <paramref name="kind"/> <paramref name="key"/> changed (best effort: a lost notice costs a live update, never data).</summary>
    void Publish(string kind, string key);
}

/// <summary>One change: what kind of thing (<c>ticket</c>, <c>chat</c>) and which.</summary>
public sealed record Change(string Kind, string Key)
{
    /// <summary>The kind that means "anything may have changed while the feed was down: refresh what you show".</summary>
    public const string ResyncKind = "resync";

    /// <summary>A resync notice.</summary>
    public static Change Resync { get; } = new(ResyncKind, "");
}

/// <summary>One host (the LiteDB default): there is nobody to tell and nothing to receive.</summary>
public sealed class SingleHostChangeFeed : IChangeFeed
{
    /// <inheritdoc/>
    public event Action<Change>? Received { add { } remove { } }

    /// <inheritdoc/>
    public void Publish(string kind, string key) { }
}
