using SmbBot.Core.Storage;

namespace SmbBot.UnitTests.Storage;

public class StoreStartPolicyTests
{
    [Theory]
    [InlineData(DataFileCondition.Sound, false, StoreStart.Open)]
    [InlineData(DataFileCondition.Sound, true, StoreStart.Open)]
    [InlineData(DataFileCondition.Missing, false, StoreStart.CreateNew)]
    [InlineData(DataFileCondition.Empty, false, StoreStart.CreateNew)]
    [InlineData(DataFileCondition.Missing, true, StoreStart.Refuse)]
    [InlineData(DataFileCondition.Empty, true, StoreStart.Refuse)]
    [InlineData(DataFileCondition.NotADataFile, false, StoreStart.Refuse)]
    [InlineData(DataFileCondition.CutShort, true, StoreStart.Refuse)]
    [InlineData(DataFileCondition.DamagedPage, false, StoreStart.Refuse)]
    public void A_new_store_is_created_only_where_none_existed_and_a_damaged_one_is_never_opened(DataFileCondition condition, bool createdBefore, StoreStart expected)
    {
        var (start, reason) = StoreStartPolicy.Decide(new DataFileState(condition), createdBefore);

        Assert.Equal(expected, start);
        Assert.Equal(expected == StoreStart.Refuse, reason is not null);
    }

    [Fact]
    public void The_reason_for_a_cut_short_file_gives_both_lengths()
    {
        var (_, reason) = StoreStartPolicy.Decide(new DataFileState(DataFileCondition.CutShort, 65_536, 131_072), createdBefore: true);

        Assert.Equal("is cut short: 65,536 bytes where its header counts 131,072", reason);
    }
}
