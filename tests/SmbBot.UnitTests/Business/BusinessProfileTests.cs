using SmbBot.Core.Business;

namespace SmbBot.UnitTests.Business;

public class BusinessProfileTests
{
    public static BusinessProfile Valid() => new()
    {
        BusinessName = "Harbour & Pine Outdoor",
        HandoffContact = "call 023 9200 0000",
        Topics = ["Opening hours", "Delivery"],
        TimeZone = "Europe/London",
        BusinessHours = new Dictionary<string, string> { ["Monday"] = "09:00-17:00" },
    };

    [Fact]
    public void The_greeting_names_the_business_and_the_initials_skip_symbols()
    {
        var profile = Valid() with { Greeting = "Hi! {name} here." };

        Assert.Equal("Hi! Harbour & Pine Outdoor here.", profile.GreetingText);
        Assert.Equal("HP", profile.Initials);
        Assert.Equal("Z", (profile with { BusinessName = "zephyr" }).Initials);
        Assert.Empty(profile.Problems());
    }

    [Theory]
    [InlineData("name", "The business name is empty")]
    [InlineData("colour", "The accent colour 'orange' must be a hex colour like #1f4d3a")]
    [InlineData("short-colour", "The accent colour '#fff' must be a hex colour like #1f4d3a")]
    [InlineData("placeholder", "The greeting may use {name} for the business name, but no other {…}")]
    [InlineData("topics", "There are 7 suggested topics; at most 6 fit under the greeting")]
    [InlineData("twice", "The topic 'Delivery' is listed twice")]
    [InlineData("avatar", "The avatar '../appsettings.json' must be a file branding/avatar-….png, .jpg or .webp written by the console")]
    public void A_bad_value_is_named(string change, string expected)
    {
        var p = Valid();
        p = change switch
        {
            "name" => p with { BusinessName = " " },
            "colour" => p with { AccentColour = "orange" },
            "short-colour" => p with { AccentColour = "#fff" },
            "placeholder" => p with { Greeting = "Hello {customer}" },
            "topics" => p with { Topics = ["a", "b", "c", "d", "e", "f", "g"] },
            "twice" => p with { Topics = ["Delivery", "delivery "] },
            _ => p with { Avatar = "../appsettings.json" },
        };

        Assert.Equal([expected], p.Problems());
    }

    [Fact]
    public void Text_on_the_accent_is_white_on_dark_and_dark_on_light()
    {
        Assert.Equal("#ffffff", BrandColours.TextOn("#1f4d3a"));
        Assert.Equal("#1d2521", BrandColours.TextOn("#ffd166"));
        Assert.Equal("#e4eae7", BrandColours.Soft("#1f4d3a"));
    }
}
