using LiteDB;

namespace SmbBot.Core.CustomerMail;

/// <summary>What became of one e-mail read from the support mailbox.</summary>
public enum InboundOutcome { OnTicket, StopRequest, AutoReply, Bounce, OwnMessage, NoTicket, Unreadable }

/// <summary>One e-mail read from the support mailbox (collection <c>mail_inbox</c>), kept so none is handled twice.</summary>
public sealed class InboundMailRecord
{
    /// <summary>The e-mail's Message-ID, or <c>uid:{uidvalidity}:{uid}</c> when it has none.</summary>
    [BsonId] public string Key { get; set; } = "";
    public InboundOutcome Outcome { get; set; }
    public int? TicketId { get; set; }
    public DateTime At { get; set; }
}

/// <summary>The e-mails already handled in LiteDB (collection <c>mail_inbox</c>); a second record of a key replaces the first.</summary>
public sealed class LiteDbMailInboxStore : IMailInboxStore
{
    private readonly ILiteCollection<InboundMailRecord> _records;

    public LiteDbMailInboxStore(ILiteDatabase database)
    {
        _records = database.GetCollection<InboundMailRecord>("mail_inbox");
        _records.EnsureIndex(r => r.At);
    }

    /// <inheritdoc/>
    public InboundMailRecord? Get(string key) => _records.FindById(key);

    /// <inheritdoc/>
    public bool Record(string key, InboundOutcome outcome, int? ticketId, DateTime nowUtc) =>
        _records.Upsert(new InboundMailRecord { Key = key, Outcome = outcome, TicketId = ticketId, At = nowUtc });

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, int> Counts() =>
        _records.FindAll().GroupBy(r => r.Outcome).ToDictionary(g => Name(g.Key), g => g.Count());

    private static string Name(InboundOutcome outcome) => char.ToLowerInvariant(outcome.ToString()[0]) + outcome.ToString()[1..];
}
