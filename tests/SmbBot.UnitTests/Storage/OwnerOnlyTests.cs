using SmbBot.Core.Storage;

namespace SmbBot.UnitTests.Storage;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes are a Unix matter; CI runs on Linux
public class OwnerOnlyTests
{
    [Fact]
    public void New_folders_and_files_are_for_the_owner_only()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "data", "backups");

        OwnerOnly.CreateFolder(folder);
        OwnerOnly.WriteAllText(Path.Combine(folder, "secret"), "s");
        var loose = temp.Write("loose.db", "x");
        File.SetUnixFileMode(loose, (UnixFileMode)0b110_100_100);
        OwnerOnly.Restrict(loose);

        Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(Path.Combine(temp.Path, "data")));
        Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(folder));
        Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(Path.Combine(folder, "secret")));
        Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(loose));
    }
}
