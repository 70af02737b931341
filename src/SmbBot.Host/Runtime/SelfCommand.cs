namespace SmbBot.Host.Runtime;

/// <summary>How to run this program again from a shell, for the commands a message tells the owner to run.</summary>
public static class SelfCommand
{
    /// <summary>
    /// The installed executable (<c>/opt/smbbot/SmbBot.Host</c>), or <c>dotnet "…/SmbBot.Host.dll"</c> when it was
    /// started through <c>dotnet</c>.
    /// </summary>
    public static string Text
    {
        get
        {
            var process = Environment.ProcessPath ?? "SmbBot.Host";
            return Path.GetFileNameWithoutExtension(process) == "dotnet"
                ? $"dotnet \"{typeof(SelfCommand).Assembly.Location}\""
                : process;
        }
    }
}
