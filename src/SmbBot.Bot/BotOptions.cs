using System.ComponentModel.DataAnnotations;
using SmbBot.Core.Business;

namespace SmbBot.Bot;

/// <summary>How the bot presents itself (section <c>Bot</c>).</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>The business's name, used in the welcome and goodbye messages (<c>knowledge/business.json</c> overrides it, as the fields below).</summary>
    [Required(AllowEmptyStrings = false), StringLength(100)]
    public string BusinessName { get; set; } = "";

    /// <summary>The chat's first message; <c>{name}</c> becomes the business name.</summary>
    [Required(AllowEmptyStrings = false), StringLength(500)]
    public string Greeting { get; set; } = BusinessProfile.DefaultGreeting;

    /// <summary>Questions offered as buttons under the greeting (at most six).</summary>
    [MaxLength(BusinessProfile.MaxTopics)]
    public List<string> Topics { get; set; } = [];

    /// <summary>The website chat's accent colour, <c>#rrggbb</c>.</summary>
    [Required, RegularExpression("^#[0-9a-fA-F]{6}$", ErrorMessage = "Bot:AccentColour must be a hex colour like #1f4d3a")]
    public string AccentColour { get; set; } = BusinessProfile.DefaultAccent;

    /// <summary>How customers reach a person, given whenever the bot cannot help.</summary>
    [Required(AllowEmptyStrings = false), StringLength(500)]
    public string HandoffContact { get; set; } = "";

    /// <summary>Said first when a customer reports something urgent or unsafe.</summary>
    [Required(AllowEmptyStrings = false), StringLength(500)]
    public string SafetyInstruction { get; set; } = "";

    /// <summary>
    /// Said first, instead of <see cref="SafetyInstruction"/>, when the customer reports a security incident (a password
    /// given to a fake page, an account taken over, other customers' data shown). Empty: the safety instruction.
    /// </summary>
    [StringLength(500)]
    public string SecurityInstruction { get; set; } = DefaultSecurityInstruction;

    /// <summary>The security instruction unless the business writes its own.</summary>
    public const string DefaultSecurityInstruction =
        "If you typed a password into a page or message that may not be ours, change it now on our own website or app; " +
        "if you gave card or bank details, call your bank.";

    /// <summary>Attach the <c>smbbot.decision</c> entity to every reply.</summary>
    public bool DecisionTrace { get; set; } = true;

    /// <summary>Only this many characters of a message are classified; the rest is ignored.</summary>
    [Range(50, 5000)]
    public int MaxInputChars { get; set; } = 1000;

    /// <summary>The business settings these options give, before <c>knowledge/business.json</c> overrides them.</summary>
    public BusinessProfile Profile(SmbBot.Core.Tickets.EscalationOptions escalation) => new()
    {
        BusinessName = BusinessName,
        Greeting = Greeting,
        Topics = Topics.Select(t => t.Trim()).Where(t => t.Length > 0).ToArray(),
        AccentColour = AccentColour,
        HandoffContact = HandoffContact,
        TimeZone = escalation.TimeZone,
        BusinessHours = new Dictionary<string, string>(escalation.BusinessHours, StringComparer.OrdinalIgnoreCase),
    };
}
