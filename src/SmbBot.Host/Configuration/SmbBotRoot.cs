using Microsoft.Extensions.Configuration.Json;

namespace SmbBot.Host.Configuration;

/// <summary>
/// Finds the folder that holds the business's <c>appsettings.json</c> and <c>knowledge/</c>: the repository root in
/// development, the install folder after publishing, or <c>SMBBOT_ROOT</c> when set. Relative paths in the settings
/// resolve against it, whatever the working directory.
/// </summary>
public static class SmbBotRoot
{
    /// <summary>Locates the root folder.</summary>
    public static string Locate()
    {
        if (Environment.GetEnvironmentVariable("SMBBOT_ROOT") is { Length: > 0 } configured)
            return Path.GetFullPath(configured);
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "appsettings.json")) && Directory.Exists(Path.Combine(dir.FullName, "knowledge")))
                    return dir.FullName;
            }
        }
        throw new InvalidOperationException(
            "cannot find the SmbBot folder (a folder with appsettings.json and knowledge/) above " +
            $"{AppContext.BaseDirectory}; set SMBBOT_ROOT to it");
    }

    /// <summary>
    /// Reads <c>{root}/appsettings.json</c> with the same precedence as the default one: after the built-in defaults,
    /// before environment variables and the command line.
    /// </summary>
    public static void AddRootSettings(this ConfigurationManager configuration, string root)
    {
        var file = Path.Combine(root, "appsettings.json");
        var source = new JsonConfigurationSource { Path = file, Optional = false, ReloadOnChange = false };
        source.ResolveFileProvider();
        var sources = configuration.Sources;
        int at = sources.Count;
        for (int i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource { Path: "appsettings.json" }) at = i + 1;
        }
        sources.Insert(at, source);
        configuration.AddInMemoryCollection([new("SmbBot:Root", root)]);
    }

    /// <summary>
    /// The website's files: <c>wwwroot</c> beside the program after publishing, else the host project's <c>wwwroot</c>
    /// in the repository, whatever the working directory.
    /// </summary>
    public static string? WebRoot(string root) =>
        new[] { Path.Combine(AppContext.BaseDirectory, "wwwroot"), Path.Combine(root, "src", "SmbBot.Host", "wwwroot") }
            .FirstOrDefault(Directory.Exists);

    /// <summary>Resolves a path from the settings against the root.</summary>
    public static string Resolve(string root, string path) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(root, path));
}
