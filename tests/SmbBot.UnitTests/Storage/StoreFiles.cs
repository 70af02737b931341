using LiteDB;

namespace SmbBot.UnitTests.Storage;

/// <summary>Real LiteDB stores for the storage tests, made with the LiteDB version the product uses.</summary>
internal static class StoreFiles
{
    /// <summary>A closed store at <paramref name="path"/> with <paramref name="documents"/> tickets of about 3 KB each.</summary>
    public static string Make(string path, int documents)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        var tickets = db.GetCollection("tickets");
        tickets.EnsureIndex("Number");
        tickets.InsertBulk(Enumerable.Range(1, documents).Select(i => new BsonDocument { ["Number"] = i, ["Text"] = new string('x', 3000) }));
        db.GetCollection("staff").Insert(new BsonDocument { ["Email"] = "ann@example.com" });
        return path;
    }
}
