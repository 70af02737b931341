using LiteDB;
using Npgsql;
using SmbBot.PostgreSql.Import;

namespace SmbBot.Host.StoreMigration;

/// <summary>How many records of one store were moved.</summary>
public sealed record MovedStore(string Name, long Records);

/// <summary>Moves every store of a LiteDB installation into an empty PostgreSQL database, all or nothing.</summary>
public static class LiteDbToPostgreSql
{
    /// <summary>Collections of <paramref name="source"/> that no move reads and that are not known to stay behind.</summary>
    public static IReadOnlyList<string> UnknownCollections(ILiteDatabase source)
    {
        var known = StoreMoves.All.SelectMany(m => m.Collections).Concat(StoreMoves.CollectionsNotMoved.Keys).ToHashSet(StringComparer.Ordinal);
        return source.GetCollectionNames().Where(c => !known.Contains(c)).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// Runs every move of <see cref="StoreMoves.All"/> in one transaction on <paramref name="target"/> (its schema
    /// already migrated, its tables empty) and commits once the tables' row counts match what was written.
    /// </summary>
    public static (IReadOnlyList<MovedStore> Stores, IReadOnlyDictionary<string, long> Tables) Run(MigrationSource source, NpgsqlDataSource target)
    {
        using var import = PostgreSqlImport.Begin(target);
        var moved = StoreMoves.All.Select(move => new MovedStore(move.Name, move.Move(source, import))).ToArray();
        import.Commit();
        return (moved, import.Written.ToDictionary());
    }
}
