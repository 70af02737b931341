using System.Text.RegularExpressions;

namespace SmbBot.Core.CustomerMail;

/// <summary>The new words of an e-mailed answer: the earlier text mail programs quote below or above it is cut.</summary>
public static partial class QuotedText
{
    /// <summary>
    /// <paramref name="body"/> without lines starting with "&gt;", and without everything from an "On … wrote:" line,
    /// an "-----Original Message-----" line or an Outlook "From: …" header block on. Trimmed.
    /// </summary>
    public static string Cut(string body)
    {
        var kept = new List<string>();
        var lines = body.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line.TrimStart().StartsWith('>')) continue;
            if (Original().IsMatch(line) || OutlookHeader().IsMatch(line)) break;
            // "On Tue, 1 Dec 2026 at 10:00, Harbour & Pine <help@…>" is often wrapped before "wrote:".
            if (OnStart().IsMatch(line) && (line.EndsWith("wrote:", StringComparison.OrdinalIgnoreCase)
                || (i + 1 < lines.Length && lines[i + 1].TrimEnd().EndsWith("wrote:", StringComparison.OrdinalIgnoreCase)))) break;
            kept.Add(line);
        }
        return string.Join('\n', kept).Trim();
    }

    [GeneratedRegex(@"^\s*On\s.+", RegexOptions.IgnoreCase)]
    private static partial Regex OnStart();

    [GeneratedRegex(@"^\s*-{2,}\s*(Original Message|Forwarded message)\s*-{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex Original();

    [GeneratedRegex(@"^\s*From:\s.+@.+", RegexOptions.IgnoreCase)]
    private static partial Regex OutlookHeader();
}
