using LiteDB;

namespace SmbBot.Core.Tickets;

/// <summary>
/// The ticket queue in LiteDB (collection <c>tickets</c>). Every change is one LiteDB write under one lock, so
/// concurrent conversations get distinct numbers and no change overwrites another. Search is one LiteDB query over the
/// collection, stopped after take + 1 matches; <see cref="Of"/> is a full scan.
/// </summary>
public sealed class LiteDbTicketStore : ITicketStore
{
    private readonly ILiteCollection<Ticket> _tickets;
    private readonly Lock _write = new();
    private const string CrmId = "$.Customer._id";
    private const string CrmIdIndex = "CrmCustomerId";

    /// <inheritdoc/>
    public event Action<Ticket>? Changed;

    /// <summary>
    /// Builds LiteDB's mapping of a ticket once, before any store uses it: built lazily by two threads at once it can
    /// come out without its id (litedb-org/LiteDB#2536), and inserts then fail with a duplicate id 0.
    /// </summary>
    static LiteDbTicketStore() => BsonMapper.Global.ToDocument(new Ticket
    {
        Customer = new Crm.CustomerProfile("C-0", "n", "e@example.com", "", "", "", 0, 0, null, "", new() { ["x"] = "y" }),
        Transcript = [new()], History = [new()], Notes = [new()], FaqOffered = [new()], Signal = new CustomerSignal { Cues = ["x"] }, Tags = ["x"],
    });

    public LiteDbTicketStore(ILiteDatabase database)
    {
        _tickets = database.GetCollection<Ticket>("tickets", BsonAutoId.Int32);
        _tickets.EnsureIndex(t => t.QueueKey);
        _tickets.EnsureIndex(t => t.Status);
        _tickets.EnsureIndex(t => t.ConversationId);
        _tickets.EnsureIndex(t => t.CustomerEmail);
        // LiteDB stores a property named Id as _id, nested ones too: the CRM id is $.Customer._id. The index of the
        // same name on $.Customer.Id (always empty) is dropped from stores made before.
        _tickets.DropIndex("CustomerId");
        _tickets.EnsureIndex(CrmIdIndex, CrmId);
        _tickets.EnsureIndex(t => t.AssignedToId);
        _tickets.EnsureIndex(t => t.TeamId);
        _tickets.EnsureIndex(t => t.AutoAssignedAt);
    }

    /// <inheritdoc/>
    public Ticket Create(Ticket ticket)
    {
        lock (_write)
        {
            ticket.Id = 0;
            ticket.QueueKey = TicketQueueKey.Of(ticket);
            _tickets.Insert(ticket);
            // The key embeds the id, known only now.
            ticket.QueueKey = TicketQueueKey.Of(ticket);
            _tickets.Update(ticket);
        }
        Changed?.Invoke(ticket);
        return ticket;
    }

    /// <inheritdoc/>
    public void CreateMany(IEnumerable<Ticket> tickets)
    {
        lock (_write)
        {
            var batch = tickets.ToList();
            foreach (var t in batch) t.Id = 0;
            _tickets.InsertBulk(batch);
            foreach (var t in batch) t.QueueKey = TicketQueueKey.Of(t);
            _tickets.Update(batch);
        }
    }

    /// <inheritdoc/>
    public Ticket? Get(int id) => _tickets.FindById(id);

    /// <inheritdoc/>
    public Ticket? Get(string? number) => Ticket.IdFor(number) is { } id ? Get(id) : null;

    /// <inheritdoc/>
    public Ticket? Change(int id, Action<Ticket> change)
    {
        Ticket? ticket;
        lock (_write)
        {
            ticket = _tickets.FindById(id);
            if (ticket is null) return null;
            change(ticket);
            ticket.QueueKey = TicketQueueKey.Of(ticket);
            _tickets.Update(ticket);
        }
        Changed?.Invoke(ticket);
        return ticket;
    }

    /// <inheritdoc/>
    public (IReadOnlyList<Ticket> Tickets, int Total) Queue(TicketQuery query)
    {
        var q = Filtered(query);
        // LiteDB's query builder changes itself in place: counted after Skip/Limit, the total would be the page size.
        var total = q.Count();
        return (q.OrderBy(t => t.QueueKey).Skip(query.Skip).Limit(query.Take).ToList(), total);
    }

    /// <inheritdoc/>
    public int Count(TicketQuery query) => Filtered(query).Count();

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, int> OpenCounts(IEnumerable<string> staffIds)
    {
        // One pass over the open tickets (few, by the Status index) instead of one count per person (a team of 200
        // over 100,000 tickets took 2.3 s that way: each person's closed tickets were read too).
        var counts = staffIds.Distinct().ToDictionary(id => id, _ => 0);
        var open = new[] { TicketStatus.New, TicketStatus.Open, TicketStatus.Pending }.Select(s => new BsonValue(s.ToString())).ToArray();
        foreach (var id in _tickets.Query().Where(Query.In("Status", open)).Select(t => t.AssignedToId).ToEnumerable())
        {
            if (id is not null && counts.TryGetValue(id, out var n)) counts[id] = n + 1;
        }
        return counts;
    }

    /// <inheritdoc/>
    public IReadOnlyList<Ticket> AwaitingAcceptance() =>
        _tickets.Find(Query.GT("AutoAssignedAt", DateTime.MinValue)).Where(t => t.IsOpen).ToArray();

    private ILiteQueryable<Ticket> Filtered(TicketQuery query)
    {
        var q = _tickets.Query();
        if (query.Statuses is { Count: > 0 } statuses)
        {
            var names = statuses.Select(s => new BsonValue(s.ToString())).ToArray();
            q = q.Where(Query.In("Status", names));
        }
        if (query.Priority is { } priority) q = q.Where(t => t.Priority == priority);
        if (!string.IsNullOrEmpty(query.Category)) q = q.Where(t => t.Category == query.Category);
        if (query.AssignedToId == "") q = q.Where(t => t.AssignedToId == null);
        else if (query.AssignedToId is { } assignee) q = q.Where(t => t.AssignedToId == assignee);
        if (query.TeamIds is { } teams)
        {
            // Tickets stored before teams existed have no TeamId at all (null), later ones an empty one.
            var ids = teams.Select(id => new BsonValue(id)).Append(new BsonValue("")).Append(BsonValue.Null).ToArray();
            q = q.Where(Query.In("TeamId", ids));
        }
        return q;
    }

    /// <inheritdoc/>
    public (IReadOnlyList<Ticket> Tickets, bool More) Search(string? text, int take = 50)
    {
        var term = (text ?? "").Trim();
        if (term.Length > ITicketStore.MaxSearchChars) term = term[..ITicketStore.MaxSearchChars];
        if (term.Length == 0) return ([], false);
        if (Ticket.IdFor(term) is { } id) return (Get(id) is { } exact ? [exact] : [], false);
        // A % or _ typed by staff stays a LIKE wildcard: it can only widen the search, never hide the ticket meant.
        var like = "%" + term + "%";
        var where = BsonExpression.Create(
            "$.CustomerEmail LIKE @0 OR $.Customer.Name LIKE @0 OR $.Customer.Email LIKE @0 OR $.Transcript[*].Text ANY LIKE @0",
            new BsonValue(like));
        var found = _tickets.Query().Where(where).OrderByDescending(t => t.Id).Limit(take + 1).ToList();
        return (found.Take(take).ToArray(), found.Count > take);
    }

    /// <inheritdoc/>
    public IReadOnlyList<Ticket> ForCustomer(string? customerId, string? email, int exceptId, int take = 20)
    {
        var found = new Dictionary<int, Ticket>();
        if (!string.IsNullOrEmpty(customerId))
            foreach (var t in _tickets.Find(Query.EQ(CrmId, customerId))) found[t.Id] = t;
        if (!string.IsNullOrEmpty(email))
            foreach (var t in _tickets.Find(t => t.CustomerEmail == email)) found[t.Id] = t;
        return found.Values.Where(t => t.Id != exceptId).OrderByDescending(t => t.CreatedAt).Take(take).ToArray();
    }

    /// <inheritdoc/>
    public Ticket? Latest(string conversationId, string? customerId)
    {
        var found = _tickets.Find(t => t.ConversationId == conversationId).ToList();
        if (found.Count == 0 && !string.IsNullOrEmpty(customerId)) found = _tickets.Find(Query.EQ(CrmId, customerId)).ToList();
        return found.OrderByDescending(t => t.IsOpen).ThenByDescending(t => t.CreatedAt).FirstOrDefault();
    }

    /// <inheritdoc/>
    public IReadOnlyList<Ticket> Of(Privacy.PersonalDataSubject subject) =>
        _tickets.FindAll().Where(t => subject.HasEmail(t.CustomerEmail) || subject.HasEmail(t.Customer?.Email)
            || (subject.CustomerId is { } id && t.Customer?.Id == id)
            || subject.UserIds.Contains(t.UserId) || subject.ConversationIds.Contains(t.ConversationId))
            .OrderBy(t => t.Id).ToArray();

    /// <inheritdoc/>
    public int Delete(IEnumerable<int> ids)
    {
        lock (_write) return ids.Count(id => _tickets.Delete(id));
    }

    /// <inheritdoc/>
    public IReadOnlyList<int> DeleteClosedBefore(DateTime cutoff)
    {
        lock (_write)
        {
            var ids = _tickets.Query()
                .Where(t => (t.Status == TicketStatus.Resolved || t.Status == TicketStatus.Closed) && t.UpdatedAt < cutoff)
                .Select(t => t.Id).ToArray();
            foreach (var id in ids) _tickets.Delete(id);
            return ids;
        }
    }

    /// <inheritdoc/>
    public int Count() => _tickets.Count();
}
