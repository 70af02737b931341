using System.ComponentModel.DataAnnotations;
using System.Net;
using SmbBot.Bot.DirectLine;

namespace SmbBot.UnitTests.DirectLine;

/// <summary>Conversation ids, client addresses and settings as the channel takes them.</summary>
public class ChannelInputTests
{
    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef-dl", null)]
    [InlineData("", "the conversation id is empty")]
    [InlineData("a\u0001b", "the conversation id contains a control character")]
    [InlineData("emoji-\ud83d\ude00", null)]
    public void Conversation_ids_must_be_text(string id, string? problem) => Assert.Equal(problem, ConversationIdCheck.Problem(id));

    [Fact]
    public void A_conversation_id_with_a_lone_surrogate_is_refused()
    {
        // Built here: test-case data with a lone surrogate does not survive the runner's serialisation.
        Assert.Equal("the conversation id is not valid text (a lone surrogate)", ConversationIdCheck.Problem("abc" + (char)0xD800));
        Assert.Equal("the conversation id is not valid text (a lone surrogate)", ConversationIdCheck.Problem((char)0xDC00 + "abc"));
    }

    [Fact]
    public void Conversation_ids_are_limited_in_bytes_not_characters()
    {
        Assert.Null(ConversationIdCheck.Problem(new string('a', 256)));
        Assert.Equal("the conversation id is longer than 256 bytes", ConversationIdCheck.Problem(new string('a', 1024)));
        Assert.NotNull(ConversationIdCheck.Problem(new string('é', 129))); // 258 bytes
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void Clients_are_counted_by_address_and_IPv6_by_its_64_network(string address, string key) =>
        Assert.Equal(key, ClientAddress.Key(IPAddress.Parse(address)));

    [Theory]
    [InlineData("ftp://bot.example.com")]
    [InlineData("bot.example.com")]
    [InlineData("https://bot.example.com/?x=1")]
    public void A_public_url_that_is_not_an_http_address_is_refused_at_start(string url)
    {
        Assert.Contains(new DirectLineOptions { PublicUrl = url }.Validate(new ValidationContext(new object())), e => e.ErrorMessage!.Contains("DirectLine:PublicUrl"));
    }

    [Fact]
    public void A_conversation_quota_above_the_channels_is_refused_at_start() =>
        Assert.Single(new DirectLineOptions { ConversationQuotaMegabytes = 50, StorageQuotaMegabytes = 20 }.Validate(new ValidationContext(new object())));

    [Fact]
    public void The_default_settings_are_valid() => Assert.Empty(new DirectLineOptions().Validate(new ValidationContext(new object())));
}
