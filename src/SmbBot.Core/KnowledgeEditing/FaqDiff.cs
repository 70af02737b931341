using SmbBot.Core.Faq;

namespace SmbBot.Core.KnowledgeEditing;

/// <summary>How one entry differs between two versions; <paramref name="Before"/> or <paramref name="After"/> is null when it was added or removed.</summary>
public sealed record FaqEntryChange(string Id, FaqEntry? Before, FaqEntry? After, IReadOnlyList<string> Fields, IReadOnlyList<WordChange> AnswerDiff);

/// <summary>A run of words kept, added or removed.</summary>
public sealed record WordChange(char Kind, string Text);

/// <summary>The entries added, removed and changed from one version of the FAQ to another.</summary>
public static class FaqDiff
{
    /// <summary>The changes from <paramref name="before"/> to <paramref name="after"/>, by entry id.</summary>
    public static IReadOnlyList<FaqEntryChange> Compare(IReadOnlyList<FaqEntry> before, IReadOnlyList<FaqEntry> after)
    {
        var old = before.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var now = after.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var changes = new List<FaqEntryChange>();
        foreach (var id in old.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            var (a, b) = (old.GetValueOrDefault(id), now.GetValueOrDefault(id));
            if (a is null || b is null)
            {
                changes.Add(new FaqEntryChange(id, a, b, [], []));
                continue;
            }
            var fields = new List<string>();
            if (a.Question != b.Question) fields.Add("question");
            if (!a.Alternates.SequenceEqual(b.Alternates)) fields.Add("alternates");
            if (a.Answer != b.Answer) fields.Add("answer");
            if (a.Category != b.Category) fields.Add("category");
            if (fields.Count > 0) changes.Add(new FaqEntryChange(id, a, b, fields, a.Answer == b.Answer ? [] : Words(a.Answer, b.Answer)));
        }
        return changes;
    }

    /// <summary>A word diff (longest common subsequence): runs marked <c>=</c> kept, <c>-</c> removed, <c>+</c> added.</summary>
    public static IReadOnlyList<WordChange> Words(string before, string after)
    {
        var a = before.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var b = after.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
            for (int j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var runs = new List<WordChange>();
        void Add(char kind, string word)
        {
            if (runs.Count > 0 && runs[^1].Kind == kind) runs[^1] = runs[^1] with { Text = runs[^1].Text + " " + word };
            else runs.Add(new WordChange(kind, word));
        }
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y]) { Add('=', a[x]); x++; y++; }
            else if (lcs[x + 1, y] >= lcs[x, y + 1]) Add('-', a[x++]);
            else Add('+', b[y++]);
        }
        while (x < a.Length) Add('-', a[x++]);
        while (y < b.Length) Add('+', b[y++]);
        return runs;
    }
}
