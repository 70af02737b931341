using SmbBot.Core.Storage;
using SmbBot.Host.Configuration;

namespace SmbBot.Host.Runtime;

/// <summary>The one-line messages for a data store SmbBot cannot use: which file, what is wrong, what to do.</summary>
public static class DataStoreProblem
{
    private static string Account => Environment.UserName;

    /// <summary>The account cannot create or change files in the data folder.</summary>
    public static string FolderNotWritable(string folder, Exception cause) =>
        $"the account '{Account}' cannot write in the data folder {folder} ({cause.Message}); make the folder and its files " +
        $"writable for '{Account}' (e.g. chown -R {Account} {folder} && chmod -R u+rwX {folder}), then start again";

    /// <summary>The data file (or its log) cannot be opened for writing.</summary>
    public static string FileNotWritable(string file, Exception cause) =>
        $"the data file {file} is read-only for the account '{Account}' ({cause.Message}); make it writable for '{Account}' " +
        $"(e.g. chown {Account} {file} && chmod 600 {file}), then start again";

    /// <summary>The data file cannot be read at all.</summary>
    public static string FileNotReadable(string file, Exception cause) =>
        $"the data file {file} cannot be read by the account '{Account}' ({cause.Message}); make it readable and writable for " +
        $"'{Account}' (e.g. chown {Account} {file} && chmod 600 {file}), then start again";

    /// <summary>The store is damaged or gone: <paramref name="reason"/> says how; the advice names the newest backup.</summary>
    public static string Damaged(SmbBotPaths paths, string reason, bool fileGone) =>
        $"the data file {paths.Database} {reason}; nothing was changed. " + Advice(paths) +
        (fileGone ? $" To start with a new, empty store on purpose instead, delete {DataStore.MarkerPath(paths)}." : "");

    /// <summary>What to do about a damaged store: restore the newest backup, or where none was found.</summary>
    public static string Advice(SmbBotPaths paths) => BackupFile.In(paths.Backups) is [var newest, ..]
        ? $"Restore the newest backup ({newest.Path}, taken {newest.TakenUtc:yyyy-MM-dd HH:mm} UTC; the damaged file is kept aside) " +
          $"with: {SelfCommand.Text} restore \"{newest.Path}\" --Storage:DataPath \"{paths.Data}\""
        : $"No backup was found in {paths.Backups}: move the file away to keep it and put the last copy of the store in its place.";

    /// <summary>Null when this account can create a file in <paramref name="folder"/>, else why not.</summary>
    public static Exception? CannotCreateFilesIn(string folder)
    {
        try
        {
            using var probe = new FileStream(Path.Combine(folder, "smbbot.write-check"), FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e;
        }
    }
}
