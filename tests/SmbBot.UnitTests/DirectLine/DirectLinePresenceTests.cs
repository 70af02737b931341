using SmbBot.Bot.DirectLine;
using SmbBot.UnitTests.Tickets;

namespace SmbBot.UnitTests.DirectLine;

/// <summary>The presence map holds recent chats only, however many chats have come and gone.</summary>
public class DirectLinePresenceTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Chats_idle_longer_than_the_forget_time_are_dropped_and_chats_with_an_open_stream_are_kept()
    {
        var clock = new FakeClock(Now);
        var presence = new DirectLinePresence(clock, new Core.Mail.MailOptions { CustomerAwaySeconds = 20, CustomerReplyAfterMinutes = 3 });
        var open = presence.StreamOpened("watching");
        for (var hour = 0; hour < 24; hour++)
        {
            for (var i = 0; i < 500; i++)
            {
                var chat = $"chat-{hour}-{i}";
                using (presence.StreamOpened(chat)) presence.Fetched(chat, 3);
            }
            clock.Advance(TimeSpan.FromHours(1));
        }
        presence.Fetched("one-more", 1); // a sweep runs on the next fetch

        Assert.Equal(2, presence.Count); // 12,000 chats came and went
        Assert.True(presence.IsInChat("directline", "watching"));
        Assert.False(presence.HasShown("directline", "chat-0-0", "chat-0-0|0000003"));
        open.Dispose();
    }

    [Fact]
    public void A_chat_is_remembered_for_the_forget_time_so_a_late_check_still_sees_what_it_showed()
    {
        var clock = new FakeClock(Now);
        var presence = new DirectLinePresence(clock, new Core.Mail.MailOptions { CustomerAwaySeconds = 20, CustomerReplyAfterMinutes = 3 });
        presence.Fetched("c1", 7);

        clock.Advance(presence.Forget - TimeSpan.FromMinutes(1));
        presence.Fetched("other", 1);
        Assert.True(presence.HasShown("directline", "c1", "c1|0000007"));

        clock.Advance(TimeSpan.FromMinutes(2));
        presence.Fetched("other", 2);
        Assert.False(presence.HasShown("directline", "c1", "c1|0000007")); // forgotten: the e-mail goes, nothing is lost
        Assert.Equal(1, presence.Count);
    }
}
