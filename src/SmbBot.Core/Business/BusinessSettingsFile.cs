using System.Text.Json;

namespace SmbBot.Core.Business;

/// <summary>
/// <c>knowledge/business.json</c>: the business settings as the console saves them, kept beside the FAQ so a business
/// can keep it in git. Every field present overrides the same setting from <c>appsettings.json</c>; written atomically
/// (a temporary file renamed over the old one), so a reader never sees half a file.
/// </summary>
public static class BusinessSettingsFile
{
    public const string FileName = "business.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The fields of the file; null = not set here.</summary>
    public sealed class Document
    {
        public string? BusinessName { get; set; }
        public string? Greeting { get; set; }
        public List<string>? Topics { get; set; }
        public string? AccentColour { get; set; }
        public string? Avatar { get; set; }
        public string? HandoffContact { get; set; }
        public string? TimeZone { get; set; }
        public Dictionary<string, string>? BusinessHours { get; set; }
    }

    /// <summary><paramref name="defaults"/> with what the file in <paramref name="folder"/> sets; the defaults when there is no file.</summary>
    public static BusinessProfile Read(string folder, BusinessProfile defaults)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return defaults;
        Document document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(File.ReadAllText(path), Json) ?? new Document();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{FileName} is not valid JSON ({e.Message})", e);
        }
        return new BusinessProfile
        {
            BusinessName = document.BusinessName ?? defaults.BusinessName,
            Greeting = document.Greeting ?? defaults.Greeting,
            Topics = document.Topics ?? defaults.Topics,
            AccentColour = document.AccentColour ?? defaults.AccentColour,
            Avatar = document.Avatar ?? defaults.Avatar,
            HandoffContact = document.HandoffContact ?? defaults.HandoffContact,
            TimeZone = document.TimeZone ?? defaults.TimeZone,
            BusinessHours = document.BusinessHours is { } hours ? new Dictionary<string, string>(hours, StringComparer.OrdinalIgnoreCase) : defaults.BusinessHours,
        };
    }

    /// <summary>The whole profile as the file's text.</summary>
    public static string Text(BusinessProfile profile) => JsonSerializer.Serialize(new Document
    {
        BusinessName = profile.BusinessName,
        Greeting = profile.Greeting,
        Topics = [.. profile.Topics],
        AccentColour = profile.AccentColour.ToLowerInvariant(),
        Avatar = profile.Avatar,
        HandoffContact = profile.HandoffContact,
        TimeZone = profile.TimeZone,
        BusinessHours = Enum.GetNames<DayOfWeek>().Skip(1).Append(nameof(DayOfWeek.Sunday))
            .ToDictionary(d => d, d => (profile.BusinessHours.GetValueOrDefault(d) ?? "").Trim()),
    }, Json) + "\n";

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically: a temporary file, flushed, renamed over it.</summary>
    public static void WriteAtomically(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
