using System.Globalization;
using System.Text.RegularExpressions;

namespace SmbBot.PostgreSql.Migrations;

/// <summary>One step of the schema: version <see cref="Version"/> is reached by running <see cref="Sql"/>.</summary>
public sealed record SchemaMigration(int Version, string Name, string Sql);

/// <summary>The product's schema: the <c>Migrations/NNN-name.sql</c> files built into this assembly.</summary>
public static partial class SchemaMigrations
{
    /// <summary>Every migration, by version; versions run 1, 2, 3 … without gaps.</summary>
    public static IReadOnlyList<SchemaMigration> All { get; } = Load();

    /// <summary>The newest version this build knows.</summary>
    public static int Latest => All[^1].Version;

    private static SchemaMigration[] Load()
    {
        var assembly = typeof(SchemaMigrations).Assembly;
        var found = assembly.GetManifestResourceNames()
            .Select(n => (Resource: n, Match: FileName().Match(n)))
            .Where(r => r.Match.Success)
            .Select(r =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(r.Resource)!);
                return new SchemaMigration(int.Parse(r.Match.Groups[1].Value, CultureInfo.InvariantCulture), r.Match.Groups[2].Value, reader.ReadToEnd());
            })
            .OrderBy(m => m.Version)
            .ToArray();
        for (int i = 0; i < found.Length; i++)
        {
            if (found[i].Version != i + 1)
                throw new InvalidOperationException($"schema migrations must be numbered 1, 2, 3 … without gaps; found {string.Join(", ", found.Select(m => m.Version))}");
        }
        return found;
    }

    [GeneratedRegex(@"^Migrations/(\d{3})-([a-z0-9-]+)\.sql$")]
    private static partial Regex FileName();
}
