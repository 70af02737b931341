using SmbBot.Core.Conversations;
using SmbBot.Core.Crm;
using SmbBot.Core.Teams;
using SmbBot.Core.Tickets;
using SmbBot.UnitTests.Tickets;

namespace SmbBot.UnitTests.Teams;

/// <summary>Routing rules as tables: each condition, first match wins, the default, and bad files refused by rule and field.</summary>
public class TicketRulesTests
{
    private static readonly DateTime Wednesday10 = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Saturday10 = new(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);
    private static readonly BusinessCalendar Calendar = BusinessCalendar.From(EscalationOptionsTests.Valid());

    private static Ticket Ticket(string language = "") => new()
    {
        Category = "complaints", Intent = "complaint", Priority = TicketPriority.High, Language = language,
        Customer = new CustomerProfile("C-1", "Ann", "ann@example.com", "", "", "Gold", null, null, null, "", new() { ["Plan"] = "Pro", ["Region"] = "North" }),
        Transcript =
        [
            new TranscriptEntry { From = Speaker.Customer, Text = "I was charged twice for my order" },
            new TranscriptEntry { From = Speaker.Bot, Text = "Let me find someone about the refund" },
        ],
    };

    private static RoutingRule Rule(string name, RuleConditions when) => new(name, when, new RuleActions(Team: name));

    [Theory]
    [InlineData("category", true)]
    [InlineData("category-other", false)]
    [InlineData("intent", true)]
    [InlineData("intent-other", false)]
    [InlineData("priority", true)]
    [InlineData("priority-other", false)]
    [InlineData("tier", true)]
    [InlineData("tier-other", false)]
    [InlineData("field", true)]
    [InlineData("field-other", false)]
    [InlineData("field-missing", false)]
    [InlineData("language", true)]
    [InlineData("language-other", false)]
    [InlineData("keyword", true)]
    [InlineData("keyword-bot-said", false)]
    [InlineData("hours-in", true)]
    [InlineData("hours-out", false)]
    public void Each_condition_matches_only_its_own_value(string condition, bool matches)
    {
        RuleConditions when = condition switch
        {
            "category" => new(Category: "COMPLAINTS"),
            "category-other" => new(Category: "billing"),
            "intent" => new(Intent: "complaint"),
            "intent-other" => new(Intent: "order_status"),
            "priority" => new(Priority: "high"),
            "priority-other" => new(Priority: "normal"),
            "tier" => new(Tier: "gold"),
            "tier-other" => new(Tier: "silver"),
            "field" => new(Fields: new Dictionary<string, string> { ["plan"] = "pro", ["Region"] = "north" }),
            "field-other" => new(Fields: new Dictionary<string, string> { ["Plan"] = "basic" }),
            "field-missing" => new(Fields: new Dictionary<string, string> { ["Shoe size"] = "42" }),
            "language" => new(Language: "es"),
            "language-other" => new(Language: "fr"),
            "keyword" => new(Keywords: ["chargeback", "CHARGED TWICE"]),
            "keyword-bot-said" => new(Keywords: ["refund"]),
            "hours-in" => new(Hours: "in"),
            "hours-out" => new(Hours: "out"),
            _ => throw new ArgumentOutOfRangeException(nameof(condition)),
        };

        var decision = TicketRules.Route(Ticket(language: "es"), [Rule("R", when)], Wednesday10, Calendar);

        Assert.Equal(matches ? "R" : "everyone", decision.Rule);
        Assert.Equal(matches ? "R" : null, decision.Actions.Team);
    }

    [Fact]
    public void Business_hours_conditions_follow_the_calendar()
    {
        RoutingRule[] rules = [Rule("Day", new(Hours: "in")), Rule("Night", new(Hours: "out"))];

        Assert.Equal("Day", TicketRules.Route(Ticket(), rules, Wednesday10, Calendar).Rule);
        var weekend = TicketRules.Route(Ticket(), rules, Saturday10, Calendar);
        Assert.Equal(("Night", "rule 'Night': out of business hours"), (weekend.Rule, weekend.Why));
    }

    [Fact]
    public void The_first_matching_rule_wins_and_says_why()
    {
        RoutingRule[] rules =
        [
            Rule("Billing", new(Category: "billing")),
            Rule("Gold complaints", new(Category: "complaints", Tier: "gold")),
            Rule("Complaints", new(Category: "complaints")),
        ];

        var decision = TicketRules.Route(Ticket(), rules, Wednesday10, Calendar);

        Assert.Equal("Gold complaints", decision.Rule);
        Assert.Equal("rule 'Gold complaints': category is complaints, customer tier is gold", decision.Why);
    }

    [Fact]
    public void A_ticket_no_rule_matches_falls_to_the_default_everyone()
    {
        var none = TicketRules.Route(Ticket(), [Rule("Billing", new(Category: "billing"))], Wednesday10, Calendar);
        var empty = TicketRules.Route(Ticket(), [], Wednesday10, Calendar);

        Assert.Equal(("everyone", "no rule matched: everyone's queue"), (none.Rule, none.Why));
        Assert.Equal(("everyone", "no routing rules: everyone's queue"), (empty.Rule, empty.Why));
        Assert.Equal(new RuleActions(), empty.Actions);
    }

    [Fact]
    public void A_missing_file_means_no_rules_and_the_file_reads_back_what_was_written()
    {
        using var folder = new TempFolder();
        Assert.Empty(RoutingRulesFile.Load(Path.Combine(folder.Path, "routing.json"), "routing.json"));
        RoutingRule[] rules =
        [
            new("Gold complaints", new(Category: "complaints", Tier: "gold", Fields: new Dictionary<string, string> { ["Plan"] = "pro" }, Keywords: ["refund"], Hours: "in"),
                new(Team: "Complaints", Person: "kim@example.com", Priority: "urgent", Tag: "vip")),
            new("everyone else", new(), new()),
        ];
        var path = Path.Combine(folder.Path, "routing.json");

        RoutingRulesFile.Save(path, rules);
        var read = RoutingRulesFile.Load(path, "routing.json");

        Assert.Equal(RoutingRulesFile.Write(rules), RoutingRulesFile.Write(read));
        Assert.Equal(["routing.json"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "the file must be an object with a \"rules\" list")]
    [InlineData("{\"rules\":[{\"when\":{}}]}", "rule 1: \"name\" must have 1-60 characters")]
    [InlineData("{\"rules\":[{\"name\":\"A\"},{\"name\":\"a\"}]}", "rule 2 'a': \"name\" is used by an earlier rule")]
    [InlineData("{\"rules\":[{\"name\":\"A\",\"when\":{\"catgory\":\"x\"}}]}", "rule 1 'A': unknown condition \"when.catgory\"")]
    [InlineData("{\"rules\":[{\"name\":\"A\",\"then\":{\"queue\":\"x\"}}]}", "rule 1 'A': unknown action \"then.queue\"")]
    [InlineData("{\"rules\":[{\"name\":\"A\",\"when\":{\"priority\":\"asap\"}}]}", "rule 1 'A': \"when.priority\" must be urgent, high, normal or low, not 'asap'")]
    [InlineData("{\"rules\":[{\"name\":\"A\",\"then\":{\"priority\":\"soon\"}}]}", "rule 1 'A': \"then.priority\" must be urgent, high, normal or low, not 'soon'")]
    [InlineData("{\"rules\":[{\"name\":\"A\",\"when\":{\"hours\":\"weekends\"}}]}", "rule 1 'A': \"when.hours\" must be \"in\" or \"out\", not 'weekends'")]
    [InlineData("{\"rules\":[{\"name\":\"A\",\"when\":{\"keywords\":\"refund\"}}]}", "rule 1 'A': \"when.keywords\" must be a list of words")]
    [InlineData("{\"rules\":[{\"name\":\"A\",\"when\":{\"tier\":3}}]}", "rule 1 'A': \"when.tier\" must be text")]
    [InlineData("{\"rules\":[{\"name\":\"A\",\"then\":{\"person\":\"Kim\"}}]}", "rule 1 'A': \"then.person\" must be a staff member's e-mail address, not 'kim'")]
    [InlineData("{\"rules\":[{\"name\":\"A\",\"when\":{\"fields\":{\"Plan\":\"\"}}}]}", "rule 1 'A': \"when.fields\" needs a field name and a value ('Plan')")]
    [InlineData("{\"rules\":[{\"name\":\"A\",\"team\":\"Billing\"}]}", "rule 1 'A': unknown field \"team\"")]
    public void A_bad_rule_is_refused_with_a_message_naming_the_rule_and_field(string json, string message)
    {
        var (rules, problem) = RoutingRulesFile.Parse(json);

        Assert.Null(rules);
        Assert.StartsWith(message, problem);
    }

    [Fact]
    public void A_bad_file_stops_loading_with_the_file_named()
    {
        using var folder = new TempFolder();
        var path = folder.Write("routing.json", "{\"rules\":[{\"name\":\"Night\",\"when\":{\"hours\":\"late\"}}]}");

        var e = Assert.Throws<SmbBot.Core.KnowledgeFiles.KnowledgeFileException>(() => RoutingRulesFile.Load(path, "knowledge/routing.json"));

        Assert.Equal("knowledge/routing.json: rule 1 'Night': \"when.hours\" must be \"in\" or \"out\", not 'late'", e.Message);
    }

    [Fact]
    public void Rules_naming_a_team_or_person_that_does_not_exist_are_found()
    {
        RoutingRule[] rules = [new("A", new(), new(Team: "Billing")), new("B", new(), new(Person: "kim@example.com"))];

        Assert.Null(RoutingRulesFile.Unknown(rules, ["billing"], ["KIM@example.com"]));
        Assert.Equal("rule 1 'A': \"then.team\" names no team: 'Billing' (add it on the Teams page first)", RoutingRulesFile.Unknown(rules, ["Complaints"], ["kim@example.com"]));
        Assert.StartsWith("rule 2 'B': \"then.person\" names no staff account", RoutingRulesFile.Unknown(rules, ["Billing"], []));
    }

    [Fact]
    public void Replacing_the_rules_refuses_a_stale_version_and_a_bad_rule_and_writes_nothing()
    {
        using var folder = new TempFolder();
        var source = new RoutingRulesSource(Path.Combine(folder.Path, "routing.json"), "routing.json");
        var version = source.Version;

        Assert.Null(source.Replace(version, [Rule("Billing", new(Category: "billing"))]));
        Assert.StartsWith("the rules were changed by someone else", source.Replace(version, [Rule("Other", new())]));
        Assert.StartsWith("rule 1 'Bad'", source.Replace(source.Version, [Rule("Bad", new(Hours: "never"))]));

        Assert.Equal("Billing", Assert.Single(source.Rules).Name);
        Assert.Equal("Billing", Assert.Single(RoutingRulesFile.Load(source.Path, "routing.json")).Name);
    }
}
