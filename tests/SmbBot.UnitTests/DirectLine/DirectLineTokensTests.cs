using SmbBot.Bot.DirectLine;
using SmbBot.UnitTests.Tickets;

namespace SmbBot.UnitTests.DirectLine;

public class DirectLineTokensTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeClock _clock = new(new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc));

    private DirectLineTokens Tokens(string secret = "a-secret-that-is-long-enough-0123456789") =>
        new(new DirectLineSecret(secret, _folder.Path), _clock, new DirectLineOptions { TokenMinutes = 60 });

    [Fact]
    public async Task A_token_carries_its_conversation_and_user_until_it_expires()
    {
        var tokens = Tokens();
        var token = tokens.Issue("conv-1", "dl_abc", verified: false);

        var claims = (await tokens.ValidateAsync(token)).Claims!;
        Assert.Equal(("conv-1", "dl_abc", false), (claims.ConversationId, claims.UserId, claims.Verified));
        Assert.Equal(_clock.GetUtcNow().AddHours(1).ToUnixTimeSeconds(), claims.Expires.ToUnixTimeSeconds());
        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.NotNull((await tokens.ValidateAsync(token)).Claims);
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal((null, "token expired"), await tokens.ValidateAsync(token));
    }

    [Fact]
    public async Task A_token_carries_the_generation_it_was_issued_in()
    {
        var tokens = Tokens();

        Assert.Equal(3, (await tokens.ValidateAsync(tokens.Issue("conv-1", "dl_abc", false, generation: 3))).Claims!.Generation);
        Assert.Equal(0, (await tokens.ValidateAsync(tokens.Issue("conv-1", "dl_abc", false))).Claims!.Generation);
    }

    [Fact]
    public void Web_Chat_can_read_the_user_claim()
    {
        var token = Tokens().Issue("conv-1", "dl_abc", verified: false);
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        var json = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=')));

        Assert.Contains("\"user\":\"dl_abc\"", json);
    }

    [Theory]
    [InlineData(null, "missing token")]
    [InlineData("", "missing token")]
    [InlineData("abc", "malformed token")]
    [InlineData("a.b.c", "malformed token")]
    public async Task Malformed_tokens_are_refused(string? token, string problem) => Assert.Equal((null, problem), await Tokens().ValidateAsync(token));

    [Fact]
    public async Task A_token_signed_with_another_secret_or_altered_is_refused()
    {
        var token = Tokens("another-secret-which-is-long-enough-987654").Issue("conv-1", "dl_abc", verified: true);
        var mine = Tokens().Issue("conv-1", "dl_abc", verified: false);
        var parts = mine.Split('.');
        var altered = $"{parts[0]}.{token.Split('.')[1]}.{parts[2]}"; // claims swapped, signature kept

        Assert.Equal((null, "invalid token signature"), await Tokens().ValidateAsync(token));
        Assert.Equal((null, "invalid token signature"), await Tokens().ValidateAsync(altered));
    }

    [Fact]
    public void A_missing_secret_is_generated_once_kept_private_and_reused()
    {
        var first = new DirectLineSecret(null, _folder.Path);
        var second = new DirectLineSecret("", _folder.Path);
        var file = Path.Combine(_folder.Path, "directline.secret");

        Assert.True(first.Value.Length >= 40);
        Assert.Equal(first.Value, second.Value);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal("(secret)", first.ToString());
        Assert.True(first.Matches(first.Value));
        Assert.False(first.Matches(first.Value + "x"));
    }

    public void Dispose() => _folder.Dispose();
}
