using SmbBot.Core.KnowledgeEditing;

namespace SmbBot.UnitTests.KnowledgeEditing;

/// <summary>Which knowledge version a host runs: its folder's files, or the newest version another host published.</summary>
public class KnowledgeSyncTests
{
    private static KnowledgeVersion? Newest(string? fingerprint) =>
        fingerprint is null ? null : new KnowledgeVersion(3, "sam", DateTime.UnixEpoch, "changed parking", fingerprint);

    [Theory]
    // shared, newest version's fingerprint, the folder's fingerprint, the folder is an older recorded version -> what to do
    [InlineData(false, null, "aaa", false, KnowledgeStep.Record)]
    [InlineData(false, "aaa", "aaa", false, KnowledgeStep.Keep)]
    [InlineData(false, "bbb", "aaa", false, KnowledgeStep.Record)]
    [InlineData(false, "bbb", "aaa", true, KnowledgeStep.Record)]
    [InlineData(true, null, "aaa", false, KnowledgeStep.RecordFirst)]
    [InlineData(true, "aaa", "aaa", false, KnowledgeStep.Keep)]
    [InlineData(true, "bbb", "aaa", true, KnowledgeStep.Adopt)]
    [InlineData(true, "bbb", "aaa", false, KnowledgeStep.Record)]
    public void At_start_a_folder_behind_the_shared_store_takes_the_newest_and_a_folder_edited_while_stopped_is_recorded(
        bool shared, string? newest, string folder, bool folderIsRecorded, KnowledgeStep expected) =>
        Assert.Equal(expected, KnowledgeSync.AtStart(shared, Newest(newest), folder, folderIsRecorded));

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
