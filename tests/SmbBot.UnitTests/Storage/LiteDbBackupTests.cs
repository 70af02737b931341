using LiteDB;
using SmbBot.Core.Storage;

namespace SmbBot.UnitTests.Storage;

public class LiteDbBackupTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void A_backup_taken_while_another_thread_writes_is_sound_and_holds_what_was_committed_before_it()
    {
        var file = Path.Combine(_folder.Path, "smbbot.db");
        using var db = new LiteDatabase(new ConnectionString { Filename = file, Connection = ConnectionType.Direct });
        var tickets = db.GetCollection("tickets");
        tickets.InsertBulk(Enumerable.Range(0, 500).Select(i => new BsonDocument { ["Text"] = new string('x', 3000) }));
        int written = 500;
        bool stop = false;
        var writer = new Thread(() =>
        {
            while (!Volatile.Read(ref stop))
            {
                tickets.Insert(new BsonDocument { ["Text"] = new string('y', 3000) });
                Interlocked.Increment(ref written);
            }
        });
        writer.Start();
        while (Volatile.Read(ref written) < 700) Thread.Sleep(10);

        var before = Volatile.Read(ref written);
        var contents = LiteDbBackup.Take(db, file, Path.Combine(_folder.Path, "backup.db"));
        var after = Volatile.Read(ref written);
        while (Volatile.Read(ref written) < after + 50) Thread.Sleep(10); // writing goes on after the backup
        Volatile.Write(ref stop, true);
        writer.Join();

        Assert.InRange(contents.Documents["tickets"], before, after);
        Assert.Equal(DataFileCondition.Sound, DataFileCheck.Inspect(Path.Combine(_folder.Path, "backup.db")).Condition);
        Assert.False(File.Exists(Path.Combine(_folder.Path, "backup.db.partial")));
    }

    [Fact]
    public void A_copy_that_is_not_a_store_fails_verification_naming_the_file()
    {
        var copy = _folder.Write("copy.db", new string('z', 20_000));

        var e = Assert.Throws<InvalidDataException>(() => LiteDbBackup.Verify(copy));

        Assert.Contains(copy, e.Message);
    }

    public void Dispose() => _folder.Dispose();
}
