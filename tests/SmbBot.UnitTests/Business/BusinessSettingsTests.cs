using Microsoft.Extensions.Options;
using SmbBot.Core.Business;
using SmbBot.UnitTests.Tickets;

namespace SmbBot.UnitTests.Business;

/// <summary>The settings over a real knowledge folder: the file overrides the defaults, saves are checked and atomic.</summary>
public class BusinessSettingsTests : IDisposable
{
    private readonly TempFolder _knowledge = new();
    private string FilePath => Path.Combine(_knowledge.Path, BusinessSettingsFile.FileName);

    private BusinessSettings Load() => new(BusinessProfileTests.Valid(), _knowledge.Path, EscalationOptionsTests.Valid());

    [Fact]
    public void Without_a_file_the_appsettings_values_are_used()
    {
        var settings = Load();

        Assert.Equal("Harbour & Pine Outdoor", settings.Current.BusinessName);
        Assert.False(File.Exists(FilePath));
    }

    [Fact]
    public void The_file_overrides_only_what_it_sets()
    {
        _knowledge.Write(BusinessSettingsFile.FileName, """{ "BusinessName": "Pine Cone Bikes", "BusinessHours": { "Sunday": "10:00-12:00" } }""");

        var settings = Load();

        Assert.Equal("Pine Cone Bikes", settings.Current.BusinessName);
        Assert.Equal("call 023 9200 0000", settings.Current.HandoffContact);
        Assert.Null(settings.Calendar.HoursOn(new DateOnly(2026, 11, 30))); // a Monday: the file's hours replace the week
        Assert.NotNull(settings.Calendar.HoursOn(new DateOnly(2026, 11, 29)));
    }

    [Theory]
    [InlineData("""{ "AccentColour": "red" }""", "The accent colour 'red' must be a hex colour")]
    [InlineData("""{ "BusinessHours": { "Monday": "9-5" } }""", "Opening hours on Monday '9-5' must be HH:mm-HH:mm")]
    [InlineData("""{ "TimeZone": "Mars/Olympus" }""", "Time zone 'Mars/Olympus' is not a known time zone")]
    [InlineData("""{ "BusinessName": """, "business.json is not valid JSON")]
    [InlineData("""{ "Avatar": "branding/avatar-0123456789abcdef.png" }""", "the avatar branding/avatar-0123456789abcdef.png is missing")]
    public void A_bad_file_stops_the_start_naming_the_problem(string file, string expected)
    {
        _knowledge.Write(BusinessSettingsFile.FileName, file);

        var e = Assert.Throws<OptionsValidationException>(Load);

        Assert.Contains(expected, Assert.Single(e.Failures));
    }

    [Fact]
    public void A_save_applies_at_once_and_is_read_back_from_the_file()
    {
        var settings = Load();
        var version = settings.Version;

        var saved = settings.Save(settings.Current with { BusinessName = "Pine Cone Bikes", TimeZone = "America/New_York" }, version,
            AvatarImage.Read(AvatarImageTests.Png).Image);

        Assert.True(saved.Saved);
        Assert.Equal(["business name", "avatar", "time zone"], saved.Changed);
        Assert.Equal("Pine Cone Bikes", settings.Current.BusinessName);
        Assert.NotEqual(version, settings.Version);
        Assert.Equal("image/png", settings.Avatar!.ContentType);
        Assert.Equal(-5, settings.Calendar.Local(new DateTime(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc)).Hour - 12);
        var again = Load();
        Assert.Equal((settings.Current.BusinessName, settings.Version), (again.Current.BusinessName, again.Version));
        Assert.Equal(AvatarImageTests.Png, again.Avatar!.Bytes);
        Assert.Empty(Directory.EnumerateFiles(_knowledge.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_bad_value_writes_nothing_and_keeps_the_settings()
    {
        var settings = Load();
        var version = settings.Version;

        var saved = settings.Save(settings.Current with { BusinessName = "New", AccentColour = "blue" }, version);

        Assert.False(saved.Saved);
        Assert.Contains("The accent colour 'blue' must be a hex colour like #1f4d3a", saved.Problems);
        Assert.Equal(("Harbour & Pine Outdoor", version), (settings.Current.BusinessName, settings.Version));
        Assert.False(File.Exists(FilePath));
    }

    [Fact]
    public void A_save_from_an_out_of_date_form_is_refused_and_keeps_the_other_change()
    {
        var settings = Load();
        var opened = settings.Version;
        Assert.True(settings.Save(settings.Current with { BusinessName = "First admin's name" }, opened).Saved);

        var late = settings.Save(settings.Current with { HandoffContact = "second admin's contact" }, opened);

        Assert.True(late.Conflict);
        Assert.StartsWith("someone else saved the settings after you opened this page", Assert.Single(late.Problems));
        Assert.Equal(("First admin's name", "call 023 9200 0000"), (settings.Current.BusinessName, settings.Current.HandoffContact));
    }

    [Fact]
    public void Removing_the_avatar_deletes_its_file()
    {
        var settings = Load();
        settings.Save(settings.Current, settings.Version, AvatarImage.Read(AvatarImageTests.Png).Image);
        var file = Path.Combine(_knowledge.Path, settings.Current.Avatar!);
        Assert.True(File.Exists(file));

        var saved = settings.Save(settings.Current, settings.Version, removeAvatar: true);

        Assert.Equal(["avatar"], saved.Changed);
        Assert.Null(settings.Avatar);
        Assert.False(File.Exists(file));
    }

    public void Dispose() => _knowledge.Dispose();
}
