namespace SmbBot.Core.KnowledgeFiles;

/// <summary>Finds the columns of an export's header by the names exports give them, whatever their case and spacing.</summary>
public static class HeaderColumns
{
    /// <summary>The key a header name is matched by: lower case, letters and digits only ("E-mail Address" -> "emailaddress").</summary>
    public static string Key(string header) => new(header.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>
    /// The column index of each field: the column <paramref name="named"/> gives it (the business's own names) or else
    /// the first of its <paramref name="aliases"/> the header has and no other field took. Names in
    /// <paramref name="named"/> that the header lacks are returned as missing.
    /// </summary>
    public static (Dictionary<string, int> Index, List<(string Field, string Column)> Missing) Resolve(IReadOnlyList<string> header,
        IReadOnlyDictionary<string, string[]> aliases, IReadOnlyDictionary<string, string>? named = null)
    {
        var byKey = new Dictionary<string, int>();
        for (int i = 0; i < header.Count; i++) byKey.TryAdd(Key(header[i]), i);
        var index = new Dictionary<string, int>();
        var missing = new List<(string, string)>();
        foreach (var (field, column) in named ?? new Dictionary<string, string>())
        {
            if (byKey.TryGetValue(Key(column), out var i)) index[field] = i;
            else missing.Add((field, column));
        }
        foreach (var (field, names) in aliases)
        {
            if (index.ContainsKey(field)) continue;
            var found = names.Select(n => byKey.TryGetValue(Key(n), out var i) ? i : -1).FirstOrDefault(i => i >= 0 && !index.ContainsValue(i), -1);
            if (found >= 0) index[field] = found;
        }
        return (index, missing);
    }
}
