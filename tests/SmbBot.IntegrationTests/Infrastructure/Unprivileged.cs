using System.Diagnostics;

namespace SmbBot.IntegrationTests.Infrastructure;

/// <summary>
/// Runs the host under an account that file modes apply to. Root may write a read-only file, so when the tests run as
/// root (as in a container) the host runs as <c>nobody</c> through util-linux's <c>setpriv</c>, and the test's folders
/// are given to that account; under any other account nothing changes.
/// </summary>
public static class Unprivileged
{
    private const string Account = "65534";

    /// <summary>True when the tests run as root.</summary>
    public static bool AsRoot => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    /// <summary>The account the host runs as in <see cref="HostProcess.RunUnprivilegedAsync"/>.</summary>
    public static string AccountName => AsRoot ? "nobody" : Environment.UserName;

    /// <summary>Gives <paramref name="path"/> (recursively) to the account the host will run as.</summary>
    public static void Own(string path)
    {
        if (!AsRoot) return;
        using var chown = Process.Start("chown", ["-R", $"{Account}:{Account}", path])!;
        chown.WaitForExit();
        if (chown.ExitCode != 0) throw new InvalidOperationException($"chown {path} failed");
    }

    internal static void Wrap(ProcessStartInfo start)
    {
        if (!AsRoot) return;
        var command = new[] { start.FileName }.Concat(start.ArgumentList).ToArray();
        start.FileName = "setpriv";
        start.ArgumentList.Clear();
        foreach (var arg in new[] { $"--reuid={Account}", $"--regid={Account}", "--clear-groups" }.Concat(command)) start.ArgumentList.Add(arg);
        start.Environment["HOME"] = Path.GetTempPath();
    }
}
