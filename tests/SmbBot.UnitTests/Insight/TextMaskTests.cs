using SmbBot.Core;

namespace SmbBot.UnitTests.Insight;

public class TextMaskTests
{
    [Theory]
    [InlineData("write to jane.doe+shop@example.co.uk please", "write to [email] please")]
    [InlineData("my card 4111 1111 1111 1111 was charged twice", "my card [card number] was charged twice")]
    [InlineData("card 4111-1111-1111-1111", "card [card number]")]
    [InlineData("call me on +44 7700 900123", "call me on [phone]")]
    [InlineData("call 020 7946 0958 after 5", "call [phone] after 5")]
    [InlineData("order 12345 arrived on 3 May", "order 12345 arrived on 3 May")]   // short numbers stay
    [InlineData("do you have size 42 boots?", "do you have size 42 boots?")]
    public void Masks_addresses_card_and_phone_numbers(string text, string expected) => Assert.Equal(expected, TextMask.Mask(text));
}
