using System.ComponentModel.DataAnnotations;

namespace SmbBot.Host.Configuration;

/// <summary>Where SmbBot keeps its own files and its state (section <c>Storage</c>).</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    /// <summary>
    /// <c>LiteDb</c> (the default: one file in <see cref="DataPath"/>) or <c>PostgreSql</c> (<see cref="ConnectionString"/>;
    /// refused at start until every store has a PostgreSQL implementation, see <see cref="SmbBot.PostgreSql.PostgreSqlStores"/>).
    /// </summary>
    public string Provider { get; set; } = nameof(SmbBot.PostgreSql.StorageProvider.LiteDb);

    /// <summary>The PostgreSQL connection string (Npgsql's form); only with <see cref="Provider"/> <c>PostgreSql</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder for the LiteDB file and trained models; relative paths resolve against the root.</summary>
    [Required(AllowEmptyStrings = false)] public string DataPath { get; set; } = "data";

    /// <summary>Days the bot remembers an idle conversation without an open ticket (tickets keep their transcripts).</summary>
    [Range(1, 3650)] public int ConversationRetentionDays { get; set; } = 30;

    /// <summary>
    /// Days a resolved or closed ticket is kept after its last change, then deleted with its transcript; 0 keeps
    /// tickets until an admin erases a customer's data.
    /// </summary>
    [Range(0, 36500)] public int ClosedTicketRetentionDays { get; set; }

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        SmbBot.PostgreSql.StorageSettings.Check(Provider, ConnectionString).Problems
            .Select(p => new ValidationResult(p, [p.StartsWith("Storage:Provider", StringComparison.Ordinal) ? nameof(Provider) : nameof(ConnectionString)]));
}

/// <summary>Where the business's knowledge lives (section <c>Knowledge</c>).</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>The knowledge folder; relative paths resolve against the root.</summary>
    [Required(AllowEmptyStrings = false)] public string Path { get; set; } = "knowledge";
}

/// <summary>Absolute paths derived from the settings.</summary>
public sealed record SmbBotPaths(string Root, string Knowledge, string Data, string Backups)
{
    /// <summary>The LiteDB file.</summary>
    public string Database => System.IO.Path.Combine(Data, "smbbot.db");

    /// <summary>The folder of trained models.</summary>
    public string Models => System.IO.Path.Combine(Data, "models");

    /// <summary>Reads the paths from configuration.</summary>
    public static SmbBotPaths From(IConfiguration configuration)
    {
        var root = configuration["SmbBot:Root"] ?? SmbBotRoot.Locate();
        var knowledge = configuration[$"{KnowledgeOptions.SectionName}:Path"] is { Length: > 0 } k ? k : "knowledge";
        var data = SmbBotRoot.Resolve(root, configuration[$"{StorageOptions.SectionName}:DataPath"] is { Length: > 0 } d ? d : "data");
        var backups = configuration[$"{BackupOptions.SectionName}:Folder"] is { Length: > 0 } b ? SmbBotRoot.Resolve(root, b) : System.IO.Path.Combine(data, "backups");
        return new SmbBotPaths(root, SmbBotRoot.Resolve(root, knowledge), data, backups);
    }
}
