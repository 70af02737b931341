using System.Text.Json.Nodes;

namespace SmbBot.Core.Privacy;

/// <summary>What is held about one person, holder by holder.</summary>
public sealed record PersonalDataReport(IReadOnlyList<(string Holder, int Count, string Summary)> Parts)
{
    public int Total => Parts.Sum(p => p.Count);
}

/// <summary>
/// Export and erasure of one customer's data across every <see cref="IPersonalDataHolder"/> (GDPR articles 15, 17 and
/// 20), each audited.
/// </summary>
public sealed class PersonalData(IEnumerable<IPersonalDataHolder> holders, IAuditLog audit, TimeProvider clock)
{
    private readonly IPersonalDataHolder[] _holders = [.. holders.OrderBy(h => h.Order)];

    /// <summary>Finds the person's ids across holders and says what each holds, without auditing (a search).</summary>
    public PersonalDataReport Find(PersonalDataSubject subject)
    {
        Discover(subject);
        return new PersonalDataReport([.. _holders.Select(h => { var (_, count, summary) = h.Export(subject); return (h.Name, count, summary); })]);
    }

    /// <summary>Everything held about the person as one JSON document; audited.</summary>
    public JsonObject Export(PersonalDataSubject subject, string actor)
    {
        Discover(subject);
        var document = new JsonObject
        {
            ["exportedAt"] = clock.GetUtcNow().UtcDateTime.ToString("O"),
            ["subject"] = new JsonObject { ["email"] = subject.Email, ["customerId"] = subject.CustomerId },
        };
        var counts = new List<string>();
        foreach (var holder in _holders)
        {
            var (data, count, _) = holder.Export(subject);
            document[holder.Name] = data;
            counts.Add($"{count} {holder.Name}");
        }
        Audit(actor, "export", subject, string.Join(", ", counts));
        return document;
    }

    /// <summary>Deletes everything held about the person; audited with the counts.</summary>
    public PersonalDataReport Erase(PersonalDataSubject subject, string actor)
    {
        var found = Find(subject);
        var erased = _holders.Select(h => (h.Name, h.Erase(subject), found.Parts.First(p => p.Holder == h.Name).Summary)).ToArray();
        Audit(actor, "erase", subject, string.Join(", ", erased.Select(e => $"{e.Item2} {e.Name}")));
        return new PersonalDataReport(erased);
    }

    // Until nothing new turns up: a conversation found by e-mail can name a chat user id whose tickets come first.
    private void Discover(PersonalDataSubject subject)
    {
        for (var pass = 0; pass < 5; pass++)
        {
            var known = subject.UserIds.Count + subject.ConversationIds.Count;
            foreach (var holder in _holders) holder.Discover(subject);
            if (subject.UserIds.Count + subject.ConversationIds.Count == known) return;
        }
    }

    private void Audit(string actor, string action, PersonalDataSubject subject, string detail) => audit.Add(new AuditEntry
    {
        At = clock.GetUtcNow().UtcDateTime, Actor = actor, Action = action, Subject = subject.Fingerprint(), Detail = detail,
    });
}
