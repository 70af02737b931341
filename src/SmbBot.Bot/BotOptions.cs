using System.ComponentModel.DataAnnotations;

namespace SmbBot.Bot;

/// <summary>How the bot presents itself (section <c>Bot</c>).</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>The business's name, used in the welcome and goodbye messages.</summary>
    [Required(AllowEmptyStrings = false), StringLength(100)]
    public string BusinessName { get; set; } = "";

    /// <summary>How customers reach a person, given whenever the bot cannot help.</summary>
    [Required(AllowEmptyStrings = false), StringLength(500)]
    public string HandoffContact { get; set; } = "";

    /// <summary>Said first when a customer reports something urgent or unsafe.</summary>
    [Required(AllowEmptyStrings = false), StringLength(500)]
    public string SafetyInstruction { get; set; } = "";

    /// <summary>Attach the <c>smbbot.decision</c> entity to every reply.</summary>
    public bool DecisionTrace { get; set; } = true;

    /// <summary>Only this many characters of a message are classified; the rest is ignored.</summary>
    [Range(50, 5000)]
    public int MaxInputChars { get; set; } = 1000;
}
