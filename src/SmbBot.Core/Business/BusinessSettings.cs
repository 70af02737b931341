using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SmbBot.Core.Tickets;

namespace SmbBot.Core.Business;

/// <summary>What a save did.</summary>
/// <param name="Problems">Why nothing was saved; empty when saved.</param>
/// <param name="Conflict">True when someone else saved since the form was opened.</param>
public sealed record BusinessSettingsSave(IReadOnlyList<string> Problems, bool Conflict, IReadOnlyList<string> Changed)
{
    public bool Saved => Problems.Count == 0;
}

/// <summary>
/// The business settings in force: read by the bot and the website chat at every use, so a save applies to the next
/// chat without a restart. Kept in <c>knowledge/business.json</c> over the <c>appsettings.json</c> defaults, checked with
/// the same rules as at start (the escalation rules for hours and time zone), with a version stamp so a save made
/// from an out-of-date form is refused instead of overwriting someone else's change.
/// </summary>
public sealed class BusinessSettings
{
    private readonly Lock _write = new();
    private readonly string _folder;
    private readonly EscalationOptions _escalation;
    private volatile Snapshot _current;

    /// <summary>Loads the settings; throws <see cref="OptionsValidationException"/> naming each problem of the file.</summary>
    public BusinessSettings(BusinessProfile defaults, string knowledgeFolder, EscalationOptions escalation)
    {
        _folder = knowledgeFolder;
        _escalation = escalation;
        BusinessProfile profile;
        try { profile = BusinessSettingsFile.Read(knowledgeFolder, defaults); }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw Invalid([$"knowledge/{BusinessSettingsFile.FileName}: {e.Message}"]);
        }
        var problems = Problems(profile);
        byte[]? avatar = null;
        if (problems.Count == 0 && profile.Avatar is { } file)
        {
            var path = Path.Combine(_folder, file);
            avatar = File.Exists(path) ? File.ReadAllBytes(path) : null;
            if (avatar is null || AvatarImage.Read(avatar).Image is null)
                problems = [$"the avatar {file} is missing or not a PNG, JPEG or WebP image of at most {AvatarImage.MaxBytes / 1024} KB"];
        }
        if (problems.Count > 0) throw Invalid(problems.Select(p => $"knowledge/{BusinessSettingsFile.FileName} or appsettings.json: {p}"));
        _current = Build(profile, avatar is null ? null : AvatarImage.Read(avatar).Image);
    }

    /// <summary>The settings now.</summary>
    public BusinessProfile Current => _current.Profile;

    /// <summary>The version stamp of <see cref="Current"/>: changes with every saved change.</summary>
    public string Version => _current.Version;

    /// <summary>Opening hours and time zone now, with the holidays from the escalation settings.</summary>
    public BusinessCalendar Calendar => _current.Calendar;

    /// <summary>The avatar image now; null when the chat shows initials.</summary>
    public AvatarImage? Avatar => _current.Avatar;

    /// <summary>What is wrong with <paramref name="profile"/>: its own fields and the hours under the escalation rules.</summary>
    public IReadOnlyList<string> Problems(BusinessProfile profile)
    {
        var problems = profile.Problems().ToList();
        var check = new EscalationOptions
        {
            TimeZone = profile.TimeZone,
            BusinessHours = new Dictionary<string, string>(profile.BusinessHours, StringComparer.OrdinalIgnoreCase),
            Holidays = _escalation.Holidays, Rules = _escalation.Rules, Targets = _escalation.Targets,
            Tiers = _escalation.Tiers, MaxTranscriptEntries = _escalation.MaxTranscriptEntries,
        };
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(check, new ValidationContext(check), results, validateAllProperties: true);
        problems.AddRange(results.Select(r => (r.ErrorMessage ?? "")
            .Replace("Escalation:BusinessHours:", "Opening hours on ", StringComparison.Ordinal)
            .Replace("Escalation:BusinessHours", "Opening hours", StringComparison.Ordinal)
            .Replace("Escalation:TimeZone", "Time zone", StringComparison.Ordinal)));
        return problems;
    }

    /// <summary>
    /// Saves <paramref name="profile"/> (its <see cref="BusinessProfile.Avatar"/> is ignored) if the settings are still at
    /// <paramref name="expectedVersion"/>, with a new avatar, without one (<paramref name="removeAvatar"/>) or with the
    /// current one. Nothing is written when a check fails.
    /// </summary>
    public BusinessSettingsSave Save(BusinessProfile profile, string expectedVersion, AvatarImage? newAvatar = null, bool removeAvatar = false)
    {
        lock (_write)
        {
            var before = _current;
            if (expectedVersion != before.Version)
                return new(["someone else saved the settings after you opened this page; nothing was saved. Reload to see their change, then make yours again"], true, []);
            var avatarFile = newAvatar is not null ? $"branding/avatar-{Hash(newAvatar.Bytes)[..16]}.{newAvatar.Extension}"
                : removeAvatar ? null : before.Profile.Avatar;
            var next = profile with { Avatar = avatarFile, AccentColour = profile.AccentColour?.ToLowerInvariant() ?? "" };
            var problems = Problems(next);
            if (problems.Count > 0) return new(problems, false, []);
            var changed = BusinessProfile.Changed(before.Profile, next);
            if (changed.Count == 0) return new([], false, []);
            if (newAvatar is not null) BusinessSettingsFile.WriteAtomically(Path.Combine(_folder, avatarFile!), newAvatar.Bytes);
            BusinessSettingsFile.WriteAtomically(Path.Combine(_folder, BusinessSettingsFile.FileName), Encoding.UTF8.GetBytes(BusinessSettingsFile.Text(next)));
            _current = Build(next, newAvatar ?? (removeAvatar ? null : before.Avatar));
            if (before.Profile.Avatar is { } old && old != avatarFile) TryDelete(Path.Combine(_folder, old));
            return new([], false, changed);
        }
    }

    private Snapshot Build(BusinessProfile profile, AvatarImage? avatar)
    {
        EscalationOptions.TryFindTimeZone(profile.TimeZone, out var zone);
        var calendar = new BusinessCalendar(zone, profile.BusinessHours, _escalation.ParsedHolidays());
        var version = Hash(Encoding.UTF8.GetBytes(BusinessSettingsFile.Text(profile)))[..16];
        return new Snapshot(profile, version, calendar, avatar);
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static OptionsValidationException Invalid(IEnumerable<string> failures) =>
        new(nameof(BusinessSettings), typeof(BusinessProfile), failures);

    private sealed record Snapshot(BusinessProfile Profile, string Version, BusinessCalendar Calendar, AvatarImage? Avatar);
}
