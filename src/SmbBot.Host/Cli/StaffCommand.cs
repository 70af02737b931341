using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using SmbBot.Core.Staff;
using SmbBot.Host.Configuration;
using SmbBot.Host.Runtime;
using SmbBot.Host.StaffConsole;

namespace SmbBot.Host.Cli;

/// <summary><c>staff add &lt;email&gt; &lt;display name&gt; &lt;agent|admin&gt;</c>: creates a console account; the password comes from standard input.</summary>
public static class StaffCommand
{
    /// <summary>The <c>staff</c> verb and its <c>add</c> command.</summary>
    public static Command Create(IConfiguration configuration, TextReader input, TextWriter output, TextWriter errors)
    {
        var email = new Argument<string>("email") { Description = "the account's e-mail address, used to sign in" };
        var name = new Argument<string>("display name") { Description = "the name customers and colleagues see" };
        var role = new Argument<string>("role") { Description = "agent or admin" };
        var add = new Command("add", "add a console account; the password is read from standard input") { email, name, role };
        add.SetAction(parsed => Add(configuration, parsed.GetValue(email)!, parsed.GetValue(name)!, parsed.GetValue(role)!, input, output, errors));
        return new Command("staff", "manage the staff console's accounts") { add };
    }

    private static int Add(IConfiguration configuration, string email, string name, string role, TextReader input, TextWriter output, TextWriter errors)
    {
        var password = input.ReadLine() ?? "";
        var paths = SmbBotPaths.From(configuration);
        using var folderLock = DataFolderLock.Acquire(paths.Data);
        using var db = DataStore.Open(paths);
        var staff = new StaffStore(new LiteDbStaffAccountStore(db), TimeProvider.System, new PasswordHasher<StaffAccount>());
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
