using SmbBot.Core.Languages;

namespace SmbBot.UnitTests.Languages;

public class EnglishWordsTests
{
    [Theory]
    [InlineData("Can I order the jamón ibérico for Mañana?", 0.5)]
    [InlineData("Is the paella vegetarian?", 0.25)]
    [InlineData("I'm sure it’s fine", 0.5)]
    [InlineData("Quiero cambiar mi reserva para el viernes", 0)]
    [InlineData("Hoe laat zijn jullie open op zondag?", 0)]
    [InlineData("Liefern Sie auch am Samstag?", 0)]
    [InlineData("Czy dostarczacie do Krakowa?", 0)]
    [InlineData("", 0)]
    [InlineData("12345 !!!", 0)]
    public void Counts_the_share_of_English_function_words(string text, double share) =>
        Assert.Equal(share, EnglishWords.Share(text), 3);
}
