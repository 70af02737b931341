using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>
/// One host process, closed for a holiday that covers today (yesterday to the day after tomorrow, in the sample
/// business's Europe/London time), with a Direct Line secret and a staff admin called Sam Taylor.
/// </summary>
public sealed class HolidayHost : IAsyncLifetime
{
    public const string Secret = "test-secret-0123456789-abcdefghijklmnop";
    public const string AdminEmail = "sam.taylor@example.com";
    public const string AdminPassword = "harbour-and-pine-42";
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private readonly string _data = RepoPaths.NewTempFolder();

    public RunningHost Host { get; private set; } = null!;

    /// <summary>The first day after the holiday (local), when the sample business opens at 09:00, or 10:00 on Sundays.</summary>
    public static DateTime NextOpeningLocal
    {
        get
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, London)).AddDays(3);
            return day.ToDateTime(day.DayOfWeek == DayOfWeek.Sunday ? new TimeOnly(10, 0) : new TimeOnly(9, 0));
        }
    }

    public async Task InitializeAsync()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, London));
        Host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["Storage__DataPath"] = _data, ["DirectLine__Secret"] = Secret, ["Tickets__ReadApi__Enabled"] = "true",
            ["Escalation__Holidays__0"] = $"{today.AddDays(-1):yyyy-MM-dd}..{today.AddDays(2):yyyy-MM-dd} Christmas",
            ["Staff__BootstrapAdmin__Email"] = AdminEmail, ["Staff__BootstrapAdmin__Password"] = AdminPassword,
            ["Staff__BootstrapAdmin__DisplayName"] = "Sam Taylor",
        });
    }

    public Task DisposeAsync()
    {
        Host.Dispose();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}

/// <summary>What the customer sees in the website chat: hours and holidays, who joined, who replies, ticket status.</summary>
public class ChatPresenceTests(HolidayHost fixture) : IClassFixture<HolidayHost>
{
    private HttpClient Client => fixture.Host.Client;

    private static string When => $"on {HolidayHost.NextOpeningLocal.ToString("dddd d MMMM", CultureInfo.InvariantCulture)} after {HolidayHost.NextOpeningLocal:HH:mm}";

    [Fact]
    public async Task Closed_for_a_holiday_the_widget_and_the_handover_say_when_a_person_will_reply()
    {
        var response = await Client.GetAsync("/api/webchat/status");
        var status = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.False((bool)status["open"]!);
        Assert.Equal($"We're closed for Christmas — leave a message and we'll reply {When}.", (string?)status["text"]);
        Assert.Equal(["open", "text", "nextOpening"], status.Select(p => p.Key));

        var chat = await Chat.StartAsync(Client);
        var opened = await chat.SayAsync("I want to talk to a real person");
        Assert.Contains($"We're closed for Christmas; a person will reply {When}.", opened.Text);
        Assert.Contains("what's your e-mail address", opened.Text);

        // The first-response target of a normal ticket (4 h of opening hours) counts from the next opening.
        var ticket = (await Client.GetFromJsonAsync<JsonObject>($"/api/tickets/{opened.Ticket}"))!["ticket"]!;
        var nextOpeningUtc = TimeZoneInfo.ConvertTimeToUtc(HolidayHost.NextOpeningLocal, HolidayHost.London);
        Assert.Equal(nextOpeningUtc.AddHours(4), ((DateTime)ticket["firstResponseDue"]!).ToUniversalTime());
    }

    [Fact]
    public async Task A_status_question_is_answered_only_for_the_customers_own_ticket()
    {
        var owner = await Chat.StartAsync(Client);
        var number = (await owner.SayAsync("I want to talk to a real person")).Ticket!;
        var stranger = await Chat.StartAsync(Client);

        var own = await owner.SayAsync($"any news on {number}?");
        var other = await stranger.SayAsync($"any news on {number}?");
        var mine = await stranger.SayAsync("what's happening with my ticket?");
        var unknown = await stranger.SayAsync("any news on T-99999?");

        Assert.StartsWith($"Your ticket {number} (opened ", own.Text);
        Assert.Contains("It's with our team, waiting for the next person free.", own.Text);
        Assert.Contains($"a person will reply {When}.", own.Text);
        Assert.StartsWith("I can only tell you about your own tickets", other.Text);
        Assert.DoesNotContain(number, other.Text);
        Assert.Equal(other.Text, unknown.Text);   // someone else's ticket and no ticket read the same
        Assert.StartsWith("I can't find a ticket from this chat", mine.Text);
    }

    [Fact]
    public async Task Staff_join_the_chat_and_their_replies_come_from_them_after_the_bot_shows_typing()
    {
        var chat = await Chat.StartAsync(Client);
        var opened = await chat.SayAsync("I want to talk to a real person");
        Assert.True(opened.TypedFirst, "the bot shows typing before its reply");
        await chat.SayAsync("skip");

        var staff = ConsoleClient.For(Client.BaseAddress!);
        await staff.SignInAsync(HolidayHost.AdminEmail, HolidayHost.AdminPassword);
        var page = $"/console/tickets/{opened.Ticket}";
        await staff.PostFormAsync(page, page + "?handler=Claim", []);
        var joined = await chat.NextFromBotAsync();
        await staff.PostFormAsync(page, page + "?handler=Reply", new() { ["text"] = "Hello, I'm looking at it now." });
        var reply = await chat.NextFromBotAsync();
        await staff.PostFormAsync(page, page + "?handler=Claim", []);   // claiming again says nothing again

        Assert.Equal($"Sam Taylor from our team has joined the conversation and is looking at your request {opened.Ticket}.", (string?)joined["text"]);
        Assert.Equal("Sam Taylor (Harbour & Pine Outdoor team): Hello, I'm looking at it now.", (string?)reply["text"]);
        Assert.StartsWith("staff:", (string?)reply["from"]!["id"]);
        Assert.Equal(("Sam Taylor", "bot"), ((string?)reply["from"]!["name"], (string?)reply["from"]!["role"]));
        Assert.NotEqual((string?)joined["from"]!["id"], (string?)reply["from"]!["id"]);   // the bot said who joined
        await Task.Delay(1000);
        Assert.Empty(await chat.NewActivitiesAsync());
    }

    /// <summary>A website chat over Direct Line polling, as Web Chat's client would hold it.</summary>
    private sealed class Chat(HttpClient client, string conversation, string token)
    {
        private int _watermark;

        public static async Task<Chat> StartAsync(HttpClient client)
        {
            var started = await WebChatConversation.StartAsync(client);
            var chat = new Chat(client, started.ConversationId, started.Token);
            await chat.NextFromBotAsync();   // the welcome
            return chat;
        }

        public sealed record Reply(string Text, string? Ticket, bool TypedFirst);

        /// <summary>Sends <paramref name="text"/>; returns the bot's last reply to it, its ticket and whether typing came first.</summary>
        public async Task<Reply> SayAsync(string text)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities")
            {
                Content = JsonContent.Create(new { type = "message", text }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var posted = (await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonObject>())!;
            var id = (string)posted["id"]!;
            var seen = new List<JsonObject>();
            for (int i = 0; i < 200; i++)
            {
                seen.AddRange(await NewActivitiesAsync());
                var replies = seen.Where(a => (string?)a["replyToId"] == id && (string?)a["type"] == "message").ToList();
                if (replies.Count > 0)
                {
                    await Task.Delay(300);   // a second reply (the safety instruction comes first) would be here by now
                    seen.AddRange(await NewActivitiesAsync());
                    var last = seen.Last(a => (string?)a["replyToId"] == id && (string?)a["type"] == "message");
                    var ticket = last["entities"]?.AsArray().OfType<JsonObject>().FirstOrDefault(e => (string?)e["type"] == "smbbot.decision")?["ticketId"];
                    var typedFirst = seen.TakeWhile(a => (string?)a["type"] != "message" || (string?)a["from"]?["role"] == "user")
                        .Any(a => (string?)a["type"] == "typing" && (string?)a["from"]?["role"] == "bot");
                    return new Reply((string)last["text"]!, (string?)ticket, typedFirst);
                }
                await Task.Delay(100);
            }
            throw new TimeoutException($"no reply to '{text}'");
        }

        /// <summary>The next message from anyone but the customer.</summary>
        public async Task<JsonObject> NextFromBotAsync()
        {
            for (int i = 0; i < 200; i++)
            {
                if ((await NewActivitiesAsync()).FirstOrDefault(a => (string?)a["type"] == "message" && (string?)a["from"]?["role"] == "bot") is { } hit)
                    return hit;
                await Task.Delay(100);
            }
            throw new TimeoutException("nothing more from the bot");
        }

        /// <summary>Activities after the last ones read.</summary>
        public async Task<IReadOnlyList<JsonObject>> NewActivitiesAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversation}/activities?watermark={_watermark}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            _watermark = int.Parse((string)page["watermark"]!, CultureInfo.InvariantCulture);
            return page["activities"]!.AsArray().OfType<JsonObject>().ToArray();
        }
    }
}
