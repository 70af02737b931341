using System.Globalization;
using SmbBot.Core.Conversations;
using SmbBot.Core.Insight;

namespace SmbBot.UnitTests.Insight;

/// <summary>
/// Hand-made conversation histories: comma-separated events "hours kind [arg]", e.g. "0 answer store-hours, 0.1 thanks,
/// 48 return". Kinds: answer ID, clarify ID|ID, fallback, thanks, hi, other, handover REASON (the bot handed over),
/// ticket REASON (a ticket row arrived), staff (a person replied), due HOURS (first-response due), rating N, return.
/// </summary>
internal static class History
{
    public static readonly DateTime Start = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    public static ConversationInsight Parse(string history)
    {
        var row = new ConversationInsight { Id = "c1", UserId = "u1", StartedAt = Start, Day = Start.Date };
        foreach (var e in history.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = e.Split(' ', 3);
            var at = Start.AddHours(double.Parse(parts[0], CultureInfo.InvariantCulture));
            var arg = parts.Length > 2 ? parts[2] : "";
            TurnFact Fact(TurnKind kind) => new() { At = at, Kind = kind };
            switch (parts[1])
            {
                case "answer": row.Facts.Add(new TurnFact { At = at, Kind = TurnKind.Answered, FaqId = arg }); break;
                case "clarify": row.Facts.Add(new TurnFact { At = at, Kind = TurnKind.Clarified, Offered = [.. arg.Split('|')] }); break;
                case "fallback": row.Facts.Add(Fact(TurnKind.Fallback)); break;
                case "thanks": row.Facts.Add(new TurnFact { At = at, Kind = TurnKind.SmallTalk, Intent = "thanks" }); break;
                case "hi": row.Facts.Add(new TurnFact { At = at, Kind = TurnKind.SmallTalk, Intent = "greeting" }); break;
                case "other": row.Facts.Add(Fact(TurnKind.Other)); break;
                case "handover": row.Facts.Add(new TurnFact { At = at, Kind = TurnKind.HandedOver, Reason = Enum.Parse<EscalationReason>(arg) }); break;
                case "ticket": row.TicketId = 1; row.TicketReason = Enum.Parse<EscalationReason>(arg); row.TicketCreatedAt = at; break;
                case "staff": row.FirstResponseAt = at; break;
                case "due": row.FirstResponseDue = at; break;
                case "rating": row.Rating = int.Parse(arg, CultureInfo.InvariantCulture); break;
                case "return": row.ReturnedAt = at; break;
                default: throw new ArgumentException($"unknown event '{e}'");
            }
        }
        return row;
    }
}
