using SmbBot.Core.KnowledgeEditing;

namespace SmbBot.UnitTests.KnowledgeEditing;

/// <summary>Which knowledge version a host runs: its folder's files, or the newest version another host published.</summary>
public class KnowledgeSyncTests
{
    private static KnowledgeVersion? Newest(string? fingerprint) =>
        fingerprint is null ? null : new KnowledgeVersion(3, "sam", DateTime.UnixEpoch, "changed parking", fingerprint);

    [Theory]
    // shared, newest version's fingerprint, the folder's fingerprint -> what to do
    [InlineData(false, null, "aaa", KnowledgeStep.Record)]
    [InlineData(false, "aaa", "aaa", KnowledgeStep.Keep)]
    [InlineData(false, "bbb", "aaa", KnowledgeStep.Record)]
    [InlineData(true, null, "aaa", KnowledgeStep.RecordFirst)]
    [InlineData(true, "aaa", "aaa", KnowledgeStep.Keep)]
    [InlineData(true, "bbb", "aaa", KnowledgeStep.Adopt)]
    public void At_start_a_shared_store_s_newest_version_wins_over_the_folder_and_one_host_records_its_files(
        bool shared, string? newest, string folder, KnowledgeStep expected) =>
        Assert.Equal(expected, KnowledgeSync.AtStart(shared, Newest(newest), folder));

    [Theory]
    [InlineData(false, "aaa", "aaa", KnowledgeStep.Record)]
    [InlineData(true, null, "aaa", KnowledgeStep.Record)]
    [InlineData(true, "bbb", "aaa", KnowledgeStep.Record)]
    [InlineData(true, "aaa", "aaa", KnowledgeStep.Adopt)]
    public void Files_on_disk_that_are_the_shared_newest_version_are_taken_not_recorded_again(
        bool shared, string? newest, string disk, KnowledgeStep expected) =>
        Assert.Equal(expected, KnowledgeSync.OnDisk(shared, Newest(newest), disk));

    [Theory]
    [InlineData(null, "aaa", KnowledgeStep.Keep)]
    [InlineData("aaa", "aaa", KnowledgeStep.Keep)]
    [InlineData("bbb", "aaa", KnowledgeStep.Adopt)]
    public void After_a_notice_a_host_takes_the_newest_version_only_when_its_files_differ(string? newest, string live, KnowledgeStep expected) =>
        Assert.Equal(expected, KnowledgeSync.OnNotice(Newest(newest), live));
}
