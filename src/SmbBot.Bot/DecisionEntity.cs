using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using SmbBot.Core.Routing;
using SmbBot.Core.Tickets;

namespace SmbBot.Bot;

/// <summary>The <c>smbbot.decision</c> entity: why the bot replied as it did, for Emulator's inspector, tests and benchmarks.</summary>
public static class DecisionEntity
{
    public const string Type = "smbbot.decision";

    /// <summary>The entity of a reply that opens or updates <paramref name="ticket"/>: route <c>escalate</c>, ticket number and priority.</summary>
    public static Entity ForTicket(Ticket ticket, TurnDecision? decision, string reason)
    {
        var entity = decision is null ? new Entity(Type) : From(decision);
        var p = entity.Properties;
        p["route"] = "escalate";
        p["ticketId"] = ticket.Number;
        p["priority"] = ticket.Priority.ToString().ToLowerInvariant();
        p["reason"] = reason;
        return entity;
    }

    /// <summary>Builds the entity for <paramref name="decision"/>.</summary>
    public static Entity From(TurnDecision decision)
    {
        var entity = new Entity(Type);
        var p = entity.Properties;
        p["route"] = RouteName(decision.Route);
        p["intent"] = decision.Intent.Intent;
        p["intentConfidence"] = Math.Round(decision.Intent.Confidence, 4);
        if (decision.Intent.HandoverConfidence is { } handover) p["handoverConfidence"] = Math.Round(handover, 4);
        var faq = decision.Answer ?? decision.BestMatch;
        if (faq is not null)
        {
            p["faqId"] = faq.FaqId;
            p["faqQuestion"] = faq.Question;
            p["faqScore"] = Math.Round(faq.Score, 4);
        }
        if (decision.Suggestions.Count > 0)
            p["suggestions"] = new JArray(decision.Suggestions.Select(s => new JObject { ["faqId"] = s.FaqId, ["score"] = Math.Round(s.Score, 4) }));
        if (decision.Candidates.Count > 0)
            p["candidates"] = new JArray(decision.Candidates.Take(3).Select(s => new JObject { ["faqId"] = s.FaqId, ["score"] = Math.Round(s.Score, 4) }));
        p["reason"] = decision.Reason;
        p["language"] = decision.Language;
        if (decision.LanguageWhy.Length > 0) p["languageWhy"] = decision.LanguageWhy;
        if (decision.LanguageHandover) p["languageHandover"] = true;
        if (decision.FollowUpOf is { } from) p["followUpOf"] = from;
        if (decision.SecurityIncident is { } incident) p["securityIncident"] = incident;
        return entity;
    }

    /// <summary>The route's name as written in the entity.</summary>
    public static string RouteName(Route route) => route switch
    {
        Route.Faq => "faq",
        Route.Clarify => "clarify",
        Route.Escalate => "escalate",
        Route.SmallTalk => "smalltalk",
        _ => "fallback",
    };
}
