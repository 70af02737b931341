using SmbBot.Core.Languages;

namespace SmbBot.UnitTests.Languages;

public class ForeignWordsTests
{
    [Fact]
    public void No_word_belongs_to_two_languages_or_is_an_English_function_word()
    {
        var seen = new Dictionary<string, string>();
        foreach (var language in ForeignWords.Languages)
        {
            foreach (var word in ForeignWords.Of(language))
            {
                Assert.False(seen.TryGetValue(word, out var other), $"'{word}' is in the lists of {other} and {language}");
                seen[word] = language;
                Assert.True(EnglishWords.Share(word) == 0, $"'{word}' ({language}) is an English function word");
            }
        }
    }

    [Theory]
    [InlineData("Est-ce que vous livrez le samedi ?", "fr")]
    [InlineData("czy jest parking", "pl")]
    [InlineData("Können Sie heute liefern?", "de")]
    [InlineData("konnen sie heute liefern", "de")]
    [InlineData("tem horário amanhã?", "pt")]
    public void Two_words_of_one_language_decide(string text, string expected) =>
        Assert.Equal(expected, ForeignWords.Vote(text)?.Language);

    [Theory]
    [InlineData("merci beaucoup")]          // thanks are not in the lists
    [InlineData("muchas gracias")]
    [InlineData("quand samedi hoy manana")] // two French, two Spanish: a tie
    [InlineData("le plombier passe quand")] // one word only
    [InlineData("What time do you open on Saturday?")]
    public void Fewer_than_two_words_or_a_tie_decide_nothing(string text) =>
        Assert.Null(ForeignWords.Vote(text));

    [Fact]
    public void The_words_of_one_language_are_found_with_or_without_accents()
    {
        Assert.Equal(["quand"], ForeignWords.In("le plombier passe quand", "fr"));
        Assert.Equal(["tambien", "los"], ForeignWords.In("¿También los domingos?", "es"));
        Assert.Empty(ForeignWords.In("le plombier passe quand", "en"));
    }
}
