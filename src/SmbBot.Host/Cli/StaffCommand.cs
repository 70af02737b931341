using Microsoft.Extensions.Options;
using SmbBot.Host.Configuration;
using SmbBot.Host.Runtime;
using SmbBot.Host.StaffConsole;

namespace SmbBot.Host.Cli;

/// <summary><c>staff add &lt;email&gt; &lt;display name&gt; &lt;agent|admin&gt;</c>: creates a console account; the password comes from standard input.</summary>
public static class StaffCommand
{
    public static int Run(string[] args, IConfiguration configuration, TextReader input, TextWriter output, TextWriter errors)
    {
        if (args is not ["add", var email, var name, var role])
        {
            errors.WriteLine("usage: staff add <email> <display name> <agent|admin>   (the password is read from standard input)");
            return 2;
        }
        var password = input.ReadLine() ?? "";
        var paths = SmbBotPaths.From(configuration);
        using var folderLock = DataFolderLock.Acquire(paths.Data);
        using var db = RuntimeServiceCollectionExtensions.OpenDatabase(paths);
        var staff = new StaffStore(db, Options.Create(configuration.GetSection(StaffOptions.SectionName).Get<StaffOptions>() ?? new()), TimeProvider.System);
        var (account, problem) = staff.Add(email, name, role, password);
        if (account is null)
        {
            errors.WriteLine($"error: {problem}");
            return 1;
        }
        output.WriteLine($"added {account.Role} {account.DisplayName} <{account.Email}>");
        return 0;
    }
}
