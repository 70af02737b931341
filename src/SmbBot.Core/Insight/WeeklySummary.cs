using System.Globalization;
using System.Text;

namespace SmbBot.Core.Insight;

/// <summary>The weekly insight e-mail to admins: the headline figures, the change from the week before, the three biggest unanswered groups.</summary>
public static class WeeklySummary
{
    /// <summary>Figures the e-mail leads with.</summary>
    public static readonly IReadOnlyList<string> Headline =
        ["conversations", "botResolved", "confirmed", "assumed", "reopened", "handedOver", "unanswered", "csatBot", "csatHuman", "firstResponse", "slaMet"];

    /// <summary>The subject and plain-text body for the week of <paramref name="week"/> against <paramref name="before"/>.</summary>
    /// <param name="biggestUnanswered">The biggest unanswered groups: a typical (masked) message and the group's size.</param>
    public static (string Subject, string Body) Compose(string businessName, InsightFigures week, InsightFigures before,
        IReadOnlyList<(string Example, int Count)> biggestUnanswered, string consoleUrl)
    {
        var subject = $"{businessName}: the bot's week {week.From:d MMM} - {week.To:d MMM}";
        var body = new StringBuilder($"The week {week.From:yyyy-MM-dd} to {week.To:yyyy-MM-dd}, against the week before.\n\n");
        foreach (var key in Headline)
        {
            var now = week[key];
            var then = before[key];
            body.Append(CultureInfo.InvariantCulture, $"{now.Name}: {Show(now.Value, now.Unit)} ({Change(now.Value, then.Value, now.Unit)})\n");
        }
        body.Append("\nBiggest unanswered questions:\n");
        if (biggestUnanswered.Count == 0) body.Append("  none this week\n");
        foreach (var (example, count) in biggestUnanswered.Take(3)) body.Append(CultureInfo.InvariantCulture, $"  {count} x \"{example}\"\n");
        body.Append(CultureInfo.InvariantCulture, $"\nWhat each figure means, the charts and the unanswered inbox: {consoleUrl}/console/insight\n");
        return (subject, body.ToString());
    }

    /// <summary>A value as the e-mail shows it.</summary>
    public static string Show(double? value, string unit) => value switch
    {
        null => "-",
        { } v when unit == "share" => (v * 100).ToString("0", CultureInfo.InvariantCulture) + "%",
        { } v when unit == "minutes" => v.ToString("0", CultureInfo.InvariantCulture) + " min",
        { } v => v.ToString("#,0", CultureInfo.InvariantCulture),
    };

    private static string Change(double? now, double? then, string unit)
    {
        if (now is null || then is null) return "no comparison";
        var d = now.Value - then.Value;
        if (Math.Abs(d) < 1e-9) return "same as the week before";
        var sign = d > 0 ? "+" : "-";
        return unit == "share"
            ? $"{sign}{Math.Abs(d) * 100:0} points"
            : $"{sign}{Show(Math.Abs(d), unit)}";
    }
}
