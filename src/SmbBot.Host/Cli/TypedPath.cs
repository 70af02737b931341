namespace SmbBot.Host.Cli;

/// <summary>A path typed on the command line, taken from the shell's folder.</summary>
public static class TypedPath
{
    /// <summary>
    /// <paramref name="given"/> as a full path; a relative one from the folder the command was typed in
    /// (<c>dotnet run --project</c> starts the process in the project's folder but keeps the shell's <c>PWD</c>).
    /// </summary>
    public static string Resolve(string given)
    {
        if (Path.IsPathRooted(given)) return Path.GetFullPath(given);
        var typedIn = Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } pwd && Directory.Exists(pwd) ? pwd : Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(typedIn, given));
    }
}
