namespace SmbBot.Core.Teams;

/// <summary>
/// The routing rules in use: read from <c>knowledge/routing.json</c> at start (a bad file stops the start), replaced
/// by the console's editor without a restart.
/// </summary>
public sealed class RoutingRulesSource
{
    private readonly Lock _write = new();
    private volatile IReadOnlyList<RoutingRule> _rules;

    public RoutingRulesSource(string path, string display)
    {
        Path = path;
        _rules = RoutingRulesFile.Load(path, display);
    }

    /// <summary>The file the rules live in.</summary>
    public string Path { get; }

    /// <summary>The rules now in force, in order.</summary>
    public IReadOnlyList<RoutingRule> Rules => _rules;

    /// <summary>A short fingerprint of the rules in force; an editor sends it back so that no one overwrites a change unseen.</summary>
    public string Version => VersionOf(_rules);

    /// <summary>
    /// Replaces the rules when <paramref name="expectedVersion"/> is still the <see cref="Version"/> in force (else
    /// someone changed them first): checks them, writes the file atomically, then uses them. Returns the problem, or
    /// null when saved.
    /// </summary>
    public string? Replace(string expectedVersion, IReadOnlyList<RoutingRule> rules)
    {
        if (RoutingRulesFile.Check(rules) is { } problem) return problem;
        lock (_write)
        {
            if (expectedVersion != Version) return "the rules were changed by someone else meanwhile; nothing was saved, look again";
            RoutingRulesFile.Save(Path, rules);
            _rules = rules.ToArray();
            return null;
        }
    }

    private static string VersionOf(IReadOnlyList<RoutingRule> rules) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(RoutingRulesFile.Write(rules))))[..16];
}
