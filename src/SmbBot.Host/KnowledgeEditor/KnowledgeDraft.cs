using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SmbBot.Core.Faq;
using SmbBot.Core.KnowledgeEditing;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Host.Configuration;

namespace SmbBot.Host.KnowledgeEditor;

/// <summary>What an admin typed for an FAQ entry; <see cref="Alternates"/> one per line.</summary>
public sealed record EntryInput(string? Id, string Question, string Alternates, string Answer, string Category);

/// <summary>The outcome of a draft edit: <see cref="Error"/> (nothing saved) or <see cref="Conflict"/> (someone else changed it first) or saved.</summary>
public sealed record DraftEdit(string? Id, string? Error = null, string? Conflict = null)
{
    public bool Saved => Error is null && Conflict is null;
}

/// <summary>
/// The admins' unpublished edits: a copy of the knowledge files in <c>data/knowledge-draft/</c>, edited by the same
/// writers that publish them, so it survives a restart and reads exactly as the published files will. Each entry
/// carries a stamp (a hash of its content); a save with a stale stamp is refused with who changed it and when.
/// </summary>
public sealed class KnowledgeDraft(SmbBotPaths paths, TimeProvider clock)
{
    private readonly Lock _lock = new();
    private DraftMeta? _meta;

    /// <summary>The draft's knowledge folder.</summary>
    public string Folder => Path.Combine(paths.Data, "knowledge-draft");

    private string MetaPath => Path.Combine(paths.Data, "knowledge-draft.json");

    /// <summary>Increases with every saved edit.</summary>
    public int Revision { get { lock (_lock) return Meta.Revision; } }

    /// <summary>Whether the draft differs from the files it started from.</summary>
    public bool HasChanges { get { lock (_lock) return Directory.Exists(Folder) && KnowledgeFolder.Fingerprint(Folder) != Meta.Base; } }

    /// <summary>Who last changed the entry in the draft and when, if someone did.</summary>
    public EntryChange? LastChange(string id) { lock (_lock) return Meta.Changes.GetValueOrDefault(id); }

    /// <summary>The draft's knowledge as the bot would read it.</summary>
    public KnowledgeBase Load() { lock (_lock) return KnowledgeBase.Load(Folder); }

    /// <summary>Starts the draft from <paramref name="folder"/> unless it holds unpublished edits.</summary>
    public void EnsureFrom(string folder)
    {
        lock (_lock)
        {
            if (!Directory.Exists(Folder) || KnowledgeFolder.Fingerprint(Folder) == Meta.Base) ResetFrom(folder);
        }
    }

    /// <summary>Makes the draft a copy of <paramref name="folder"/>, edits dropped, if <paramref name="revision"/> (when given) is still the draft's revision.</summary>
    public bool ResetFrom(string folder, int? revision = null)
    {
        lock (_lock)
        {
            if (revision is { } r && r != Meta.Revision) return false;
            Directory.CreateDirectory(Folder);
            KnowledgeFolder.Mirror(folder, Folder);
            _meta = new DraftMeta { Base = KnowledgeFolder.Fingerprint(Folder), Revision = Meta.Revision + 1 };
            SaveMeta();
            return true;
        }
    }

    /// <summary>The stamp of an entry's content, sent with the edit form and checked on save.</summary>
    public static string Stamp(FaqEntry entry) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join('\u001f', [entry.Id, entry.Question, string.Join('\u001e', entry.Alternates), entry.Answer, entry.Category]))))[..16];

    /// <summary>Adds (<paramref name="id"/> null) or changes an entry, if <paramref name="stamp"/> is still its stamp.</summary>
    public DraftEdit Save(string? id, EntryInput input, string? stamp, string actor)
    {
        lock (_lock)
        {
            var knowledge = KnowledgeBase.Load(Folder);
            FaqEntry? existing = null;
            if (id is not null && (existing = Stale(knowledge, id, stamp, out var conflict)) is null) return new DraftEdit(id, Conflict: conflict);
            var problems = new List<KnowledgeProblem>();
            var alternates = input.Alternates.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var newId = existing?.Id ?? (input.Id?.Trim() is { Length: > 0 } given ? given : FaqRules.IdFor(input.Question.Trim()));
            var checkedEntry = FaqRules.Check(new FaqEntry(newId, input.Question.Trim(), input.Answer.Trim(), alternates, input.Category.Trim(),
                existing?.Source ?? ""), "entry", 0, problems);
            if (checkedEntry is null) return new DraftEdit(id, Error: problems[0].Reason.Replace("; entry left out", ""));
            var entry = checkedEntry with { IdMadeUp = false };
            if (existing is null && knowledge.Faq.Any(e => e.Id.Equals(entry.Id, StringComparison.OrdinalIgnoreCase)))
                return new DraftEdit(id, Error: $"the id '{entry.Id}' is already used; choose another");
            var taken = knowledge.Faq.Where(e => e.Id != entry.Id)
                .SelectMany(e => e.Phrasings.Select(p => (e.Id, p)))
                .FirstOrDefault(x => entry.Phrasings.Any(p => Core.TextNormalizer.SameText(p, x.p)));
            if (taken.Id is not null)
                return new DraftEdit(id, Error: $"'{taken.p}' is already a question of '{taken.Id}'; one question cannot have two answers");
            var file = existing is not null ? FaqFileWriter.FileOf(existing, FaqFolder) : FileForNew(knowledge, entry.Category);
            if (Unreadable(knowledge, file) is { } refused) return new DraftEdit(id, Error: refused);
            var entries = InFile(knowledge, file).ToList();
            if (existing is null) entries.Add(entry);
            else entries[entries.FindIndex(e => e.Id == existing.Id)] = entry with { Source = existing.Source };
            FaqFileWriter.Write(file, entries);
            Changed(entry.Id, actor);
            return new DraftEdit(entry.Id);
        }
    }

    /// <summary>Deletes an entry, if <paramref name="stamp"/> is still its stamp.</summary>
    public DraftEdit Delete(string id, string? stamp, string actor)
    {
        lock (_lock)
        {
            var knowledge = KnowledgeBase.Load(Folder);
            if (Stale(knowledge, id, stamp, out var conflict) is not { } existing) return new DraftEdit(id, Conflict: conflict);
            var file = FaqFileWriter.FileOf(existing, FaqFolder);
            if (Unreadable(knowledge, file) is { } refused) return new DraftEdit(id, Error: refused);
            if (knowledge.Faq.Count == 1) return new DraftEdit(id, Error: "the FAQ needs at least one entry");
            FaqFileWriter.Write(file, InFile(knowledge, file).Where(e => e.Id != id).ToArray());
            Changed(id, actor);
            return new DraftEdit(id);
        }
    }

    /// <summary>The draft's golden questions.</summary>
    public IReadOnlyList<GoldenQuestion> Golden() { lock (_lock) return GoldenQuestions.Load(Folder); }

    /// <summary>Marks <paramref name="question"/> (replacing an earlier mark of it), or unmarks it when <paramref name="expected"/> is null.</summary>
    public void SetGolden(string question, string? expected)
    {
        lock (_lock)
        {
            var kept = GoldenQuestions.Load(Folder).Where(g => !Core.TextNormalizer.SameText(g.Question, question)).ToList();
            if (expected is not null) kept.Add(new GoldenQuestion(question.Trim(), expected));
            GoldenQuestions.Save(Folder, kept);
            Meta.Revision++;
            SaveMeta();
        }
    }

    private string FaqFolder => Path.Combine(Folder, "faq");

    private FaqEntry? Stale(KnowledgeBase knowledge, string id, string? stamp, out string? conflict)
    {
        var existing = knowledge.Faq.FirstOrDefault(e => e.Id == id);
        var change = Meta.Changes.GetValueOrDefault(id);
        var by = change is null ? "someone editing the files" : $"{change.By} at {change.At:yyyy-MM-dd HH:mm} UTC";
        conflict = existing is null ? $"'{id}' was deleted by {by}; reload the page"
            : Stamp(existing) != stamp ? $"'{id}' was changed by {by} after you opened it; reload to see their version, then make your change again"
            : null;
        return conflict is null ? existing : null;
    }

    private IEnumerable<FaqEntry> InFile(KnowledgeBase knowledge, string file) =>
        knowledge.Faq.Where(e => FaqFileWriter.FileOf(e, FaqFolder) == file);

    /// <summary>A new entry goes into the file that holds its category, else into the first FAQ file.</summary>
    private string FileForNew(KnowledgeBase knowledge, string category)
    {
        var like = knowledge.Faq.FirstOrDefault(e => e.Category.Equals(category, StringComparison.OrdinalIgnoreCase)) ?? knowledge.Faq[0];
        return FaqFileWriter.FileOf(like, FaqFolder);
    }

    /// <summary>Rewriting a file whose rows the bot could not read would drop them: refused, with what to fix.</summary>
    private static string? Unreadable(KnowledgeBase knowledge, string file)
    {
        var name = "/faq/" + Path.GetFileName(file);
        var problem = knowledge.Problems.FirstOrDefault(p => p.File.Replace('\\', '/').Contains(name, StringComparison.Ordinal));
        return problem is null ? null
            : $"{Path.GetFileName(file)} has something the bot cannot read ({problem.Reason}); fix the file first, or saving would drop it";
    }

    private void Changed(string id, string actor)
    {
        Meta.Changes[id] = new EntryChange(actor, clock.GetUtcNow().UtcDateTime);
        Meta.Revision++;
        SaveMeta();
    }

    private DraftMeta Meta => _meta ??= File.Exists(MetaPath)
        ? JsonSerializer.Deserialize<DraftMeta>(File.ReadAllText(MetaPath)) ?? new DraftMeta()
        : new DraftMeta();

    private void SaveMeta() => AtomicFile.WriteAllText(MetaPath, JsonSerializer.Serialize(Meta));

    private sealed class DraftMeta
    {
        public string Base { get; set; } = "";
        public int Revision { get; set; }
        public Dictionary<string, EntryChange> Changes { get; set; } = [];
    }
}

/// <summary>Who changed a draft entry last, and when (UTC).</summary>
public sealed record EntryChange(string By, DateTime At);
