using SmbBot.Core;

namespace SmbBot.UnitTests;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("  hello \t world \n", "hello world")]
    [InlineData("a\u0000b\u0007c\u200Bd", "a b c d")]           // control and format characters become spaces
    [InlineData("שלום, מה שעות הפתיחה?", "שלום, מה שעות הפתיחה?")] // right-to-left text is kept
    [InlineData("open 🕘 today? 👍🏽", "open 🕘 today? 👍🏽")]     // emoji, with modifiers, are kept
    [InlineData("\u202Eevil", "evil")]                           // bidi override removed
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Cleans_text(string? input, string expected) => Assert.Equal(expected, TextNormalizer.Clean(input, 1000));

    [Fact]
    public void Bounds_the_length_without_splitting_a_surrogate_pair()
    {
        var text = "ab" + string.Concat(Enumerable.Repeat("😀", 10));

        var cleaned = TextNormalizer.Clean(text, 5);

        Assert.Equal("ab😀", cleaned);
        Assert.Equal(20_000, TextNormalizer.Clean(new string('x', 20_000), 20_000).Length);
        Assert.Equal(1000, TextNormalizer.Clean(new string('x', 20_000), 1000).Length);
    }

    [Fact]
    public void A_lone_surrogate_is_dropped() => Assert.Equal("ab", TextNormalizer.Clean("a\uD800b", 100));

    [Theory]
    [InlineData("What are your opening hours?", "what are your opening hours")]
    [InlineData("  Opening-hours!! ", "opening hours")]
    public void Key_ignores_case_spacing_and_punctuation(string input, string key) => Assert.Equal(key, TextNormalizer.Key(input));
}
