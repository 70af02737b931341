using System.Globalization;
using System.Text;

namespace SmbBot.Core.Insight;

/// <summary>The dashboard's figures and its conversation list as CSV (RFC 4180, UTF-8), for a spreadsheet.</summary>
public static class InsightCsv
{
    /// <summary>One line per figure: key, name, value, unit, definition, and the range.</summary>
    public static string Figures(InsightFigures figures)
    {
        var csv = new StringBuilder("figure,name,value,unit,from,to,definition\r\n");
        foreach (var f in figures.Headline)
            Line(csv, f.Key, f.Name, f.Value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "", f.Unit,
                figures.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), figures.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), f.Definition);
        foreach (var (reason, count) in figures.HandOverReasons)
            Line(csv, "handover:" + reason, "Handed over: " + reason, count.ToString(CultureInfo.InvariantCulture), "count", "", "", "Tickets opened for this reason.");
        return csv.ToString();
    }

    /// <summary>
    /// One line per conversation: no message text, except <paramref name="text"/> (the kept transcript, masked) when
    /// asked for.
    /// </summary>
    public static string Conversations(IEnumerable<ConversationInsight> rows, Func<string, string?>? text = null)
    {
        var csv = new StringBuilder("conversation,channel,started,last,day,messages,outcome,handedOverReason,ticket,unanswered,firstResponseMinutes,rating" + (text is null ? "" : ",text") + "\r\n");
        foreach (var r in rows)
        {
            string? minutes = r.FirstResponseAt is { } a && r.TicketCreatedAt is { } c ? Math.Round((a - c).TotalMinutes).ToString(CultureInfo.InvariantCulture) : "";
            List<string> cells =
            [
                r.Id, r.ChannelId, Iso(r.StartedAt), Iso(r.LastAt), DateOnly.FromDateTime(r.Day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                r.Facts.Count.ToString(CultureInfo.InvariantCulture), InsightDefinitions.Outcome(r).ToString(), r.TicketReason?.ToString() ?? "",
                r.TicketId is { } id ? Tickets.Ticket.NumberFor(id) : "", InsightDefinitions.UnansweredMessages(r.Facts).Count().ToString(CultureInfo.InvariantCulture),
                minutes, r.Rating?.ToString(CultureInfo.InvariantCulture) ?? "",
            ];
            if (text is not null) cells.Add(text(r.Id) ?? "");
            Line(csv, [.. cells]);
        }
        return csv.ToString();
    }

    private static string Iso(DateTime t) => t.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder csv, params string[] cells)
    {
        csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
    }

    // Quoted when needed; a leading = + - @ is prefixed with ' so a spreadsheet does not run it as a formula.
    private static string Cell(string? value)
    {
        // LiteDB reads an empty string back as null.
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
