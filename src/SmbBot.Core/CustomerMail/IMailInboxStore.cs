namespace SmbBot.Core.CustomerMail;

/// <summary>
/// The e-mails already read from the support mailbox, durable across restarts, so none is handled twice, and their
/// counts for <c>/health/ready</c>: LiteDB (<see cref="LiteDbMailInboxStore"/>) or PostgreSQL.
/// </summary>
public interface IMailInboxStore
{
    /// <summary>What became of the e-mail with this key, or null if it was not handled yet.</summary>
    InboundMailRecord? Get(string key);

    /// <summary>
    /// Records what became of the e-mail with this key; returns false when the key was recorded already (on a store
    /// shared by several hosts, another host handled it first and its record is kept).
    /// </summary>
    bool Record(string key, InboundOutcome outcome, int? ticketId, DateTime nowUtc);

    /// <summary>How many e-mails ended each way, by outcome in camel case (<c>onTicket</c>, <c>autoReply</c>, …).</summary>
    IReadOnlyDictionary<string, int> Counts();
}
