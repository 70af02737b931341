using SmbBot.Core.Storage;

namespace SmbBot.UnitTests.Storage;

public class DataFileCheckTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Store() => StoreFiles.Make(Path.Combine(_folder.Path, "smbbot.db"), 200);

    [Fact]
    public void A_closed_store_is_sound()
    {
        var state = DataFileCheck.Inspect(Store());

        Assert.Equal(DataFileCondition.Sound, state.Condition);
        Assert.True(state.Length >= 10 * DataFileCheck.PageSize);
    }

    [Fact]
    public void A_store_cut_in_half_is_cut_short_with_both_lengths()
    {
        var file = Store();
        var full = new FileInfo(file).Length;
        using (var stream = new FileStream(file, FileMode.Open)) stream.SetLength(full / 2);

        var state = DataFileCheck.Inspect(file);

        Assert.Equal((DataFileCondition.CutShort, full / 2, full), (state.Condition, state.Length, state.ExpectedLength));
    }

    [Fact]
    public void Garbage_over_the_first_page_is_not_a_data_file()
    {
        var file = Store();
        using (var stream = new FileStream(file, FileMode.Open)) stream.Write(Enumerable.Range(0, 8192).Select(i => (byte)(i * 7 + 3)).ToArray());

        Assert.Equal(DataFileCondition.NotADataFile, DataFileCheck.Inspect(file).Condition);
    }

    [Fact]
    public void A_zeroed_page_in_the_middle_is_a_damaged_page_named_by_number()
    {
        var file = Store();
        using (var stream = new FileStream(file, FileMode.Open))
        {
            stream.Position = 5 * DataFileCheck.PageSize;
            stream.Write(new byte[DataFileCheck.PageSize]);
        }

        var state = DataFileCheck.Inspect(file);

        Assert.Equal((DataFileCondition.DamagedPage, 5L), (state.Condition, state.Page));
    }

    [Fact]
    public void Missing_empty_and_too_short_files_are_told_apart()
    {
        var empty = Path.Combine(_folder.Path, "empty.db");
        File.WriteAllBytes(empty, []);
        var tiny = Path.Combine(_folder.Path, "tiny.db");
        File.WriteAllBytes(tiny, new byte[100]);

        Assert.Equal(DataFileCondition.Missing, DataFileCheck.Inspect(Path.Combine(_folder.Path, "none.db")).Condition);
        Assert.Equal(DataFileCondition.Empty, DataFileCheck.Inspect(empty).Condition);
        Assert.Equal(DataFileCondition.NotADataFile, DataFileCheck.Inspect(tiny).Condition);
    }

    public void Dispose() => _folder.Dispose();
}
