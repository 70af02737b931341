using System.Text;
using SmbBot.Core.KnowledgeEditing;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>
/// What every knowledge version store does: one suite, run against the data folder (<see cref="FileKnowledgeVersionStoreTests"/>)
/// and PostgreSQL (<see cref="PostgreSqlKnowledgeVersionStoreTests"/>). Each test starts from an empty store.
/// </summary>
public abstract class KnowledgeVersionStoreContract
{
    /// <summary>The store under test; empty.</summary>
    protected abstract IKnowledgeVersionStore Store { get; }

    protected static readonly DateTime At = new(2026, 12, 1, 9, 30, 15, DateTimeKind.Utc);

    protected static Dictionary<string, byte[]> Files(string answer) => new(StringComparer.Ordinal)
    {
        ["faq/shop.csv"] = Encoding.UTF8.GetBytes($"id,question,answer\nparking,Is there parking?,{answer}\n"),
        ["intents/greeting.txt"] = Encoding.UTF8.GetBytes("hello\nhi there\n"),
        ["golden.csv"] = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("question,expected\n")],
        ["languages.json"] = Encoding.UTF8.GetBytes("""{ "es": { "served": "Le responderá una persona (ticket {ticket}).", "notServed": "N", "askEmail": "E", "added": "A" } }"""),
    };

    [Fact]
    public void A_change_on_disk_that_the_newest_version_holds_already_is_not_recorded_again()
    {
        Assert.True(Store.AddChanged(Files("20 spaces"), "files on disk", "as found at start", At).Added);
        var (taken, added) = Store.AddChanged(Files("20 spaces"), "files on disk", "files changed on disk", At.AddMinutes(1));
        Assert.False(added);
        Assert.Equal(Store.Get(1), taken);

        var (changed, addedChange) = Store.AddChanged(Files("35 spaces"), "files on disk", "files changed on disk", At.AddMinutes(2));
        Assert.True(addedChange);
        Assert.Equal(2, changed.Number);
        Assert.True(Store.AddChanged(Files("20 spaces"), "files on disk", "back again", At.AddMinutes(3)).Added);
        Assert.Equal(3, Store.List().Count);
    }

    [Fact]
    public void Versions_are_numbered_from_one_in_order_and_read_back_whole_newest_first()
    {
        Assert.Empty(Store.List());
        Assert.Null(Store.Newest());

        var first = Store.Add(Files("20 spaces"), "files on disk", "as found at start", At);
        var second = Store.Add(Files("35 free spaces"), "sam@example.com", "changed parking", At.AddMinutes(5));

        Assert.Equal((1, 2), (first.Number, second.Number));
        Assert.Equal(new KnowledgeVersion(2, "sam@example.com", At.AddMinutes(5), "changed parking", KnowledgeFolder.Fingerprint(Files("35 free spaces"))), second);
        Assert.Equal([second, first], Store.List());
        Assert.Equal(second, Store.Newest());
        Assert.Equal(first, Store.Get(1));
        Assert.Null(Store.Get(3));
        Assert.Equal(DateTimeKind.Utc, Store.Get(2)!.At.Kind);
        var files = Store.Files(1)!;
        Assert.Equal(Files("20 spaces").Keys.Order(StringComparer.Ordinal), files.Keys.Order(StringComparer.Ordinal));
        Assert.All(Files("20 spaces"), f => Assert.Equal(f.Value, files[f.Key]));
        Assert.Null(Store.Files(3));
    }

    [Fact]
    public void The_first_version_is_recorded_once_and_later_callers_get_it()
    {
        var first = Store.AddFirst(Files("20 spaces"), "files on disk", "as found at start", At);
        var again = Store.AddFirst(Files("35 free spaces"), "files on disk", "as found at start", At.AddMinutes(1));

        Assert.Equal(1, first.Number);
        Assert.Equal(first, again);
        Assert.Equal([first], Store.List());
    }

    [Fact]
    public void A_version_moved_from_another_store_keeps_its_number_author_time_and_summary()
    {
        var files = Files("35 free spaces");
        var moved = new KnowledgeVersion(7, "sam@example.com", At, "rollback to version 3: changed parking", KnowledgeFolder.Fingerprint(files));

        Store.Import(moved, files);

        Assert.Equal([moved], Store.List());
        Assert.Equal(files["faq/shop.csv"], Store.Files(7)!["faq/shop.csv"]);
        Assert.Equal(8, Store.Add(Files("x"), "a", "b", At).Number);
    }

    [Fact]
    public void An_import_of_a_kept_number_wrong_files_or_a_path_outside_the_folder_is_refused_and_changes_nothing()
    {
        var kept = Store.Add(Files("20 spaces"), "a", "b", At);
        var files = Files("35 free spaces");

        var taken = Assert.Throws<InvalidOperationException>(() => Store.Import(kept with { Fingerprint = KnowledgeFolder.Fingerprint(files) }, files));
        var wrong = Assert.Throws<ArgumentException>(() => Store.Import(kept with { Number = 2 }, files));
        var outside = new Dictionary<string, byte[]>(files) { ["../smbbot.db"] = [1] };
        var escape = Assert.Throws<ArgumentException>(() => Store.Add(outside, "a", "b", At));

        Assert.Equal("there is already a knowledge version 1", taken.Message);
        Assert.StartsWith($"knowledge version 2: its files' fingerprint is {KnowledgeFolder.Fingerprint(files)}, not {kept.Fingerprint}", wrong.Message);
        Assert.StartsWith("'../smbbot.db' is not a knowledge file's path", escape.Message);
        Assert.Equal([kept], Store.List());
    }
}
