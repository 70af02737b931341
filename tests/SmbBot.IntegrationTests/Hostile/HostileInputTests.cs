using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using SmbBot.Core.Tickets;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests.Hostile;

/// <summary>
/// Generated hostile input on the real host (property-based, CsCheck): mutated activities on <c>/api/messages</c> and
/// random console form posts never get a 5xx, never fail a turn, and a refused request stores nothing.
/// </summary>
public class HostileInputTests(ConsoleBotHost host) : IClassFixture<ConsoleBotHost>
{
    private const string TurnFailed = "something went wrong on our side";

    private static readonly Gen<(HostileJson.Mutation[] Mutations, int Shape)> Activities_ =
        Gen.Select(HostileJson.Mutations.Array[1, 4], Gen.Int[0, 9], (m, s) => (m, s));

    [Fact]
    public async Task Generated_activities_never_fail_the_server_and_a_refused_one_stores_nothing()
    {
        var client = host.CreateClient();
        await using var emulator = await ChannelRecorder.StartAsync();
        var conversations = host.Services.GetRequiredService<ILiteDatabase>().GetCollection("conversations");
        var tickets = host.Services.GetRequiredService<ITicketStore>();
        int answered = 0, refused = 0;

        await Activities_.SampleAsync(async c =>
        {
            var id = $"hostile-{Guid.NewGuid():N}";
            var activity = Activities.Message(id, "I want to talk to a person about my order", emulator.ServiceUrl, expectReplies: true);
            foreach (var m in c.Mutations) m.Apply(activity);
            var json = activity.ToJsonString();
            var body = c.Shape switch
            {
                0 => json[..(json.Length / 2)],
                1 => HostileJson.Nested(40 + c.Mutations.Length * 50),
                _ => json,
            };
            var ticketsBefore = tickets.Count();

            var response = await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();

            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {text}");
            if (response.IsSuccessStatusCode)
            {
                Assert.DoesNotContain(TurnFailed, text);
                answered++;
            }
            else
            {
                Assert.False(conversations.Exists(Query.EQ("_id", id)), "a refused activity left a conversation record");
                Assert.Equal(ticketsBefore, tickets.Count());
                Assert.Contains("\"message\"", text);
                refused++;
            }
        }, iter: 250, threads: 1);

        Assert.True(answered > 20 && refused > 20, $"answered {answered}, refused {refused}");
    }

    private static readonly string[] TicketHandlers = ["Claim", "Reply", "Note", "Priority", "Status", "Resolve"];

    private static readonly Gen<(int Form, string Handler, string A, string B, bool RealTicket)> Forms = Gen.Select(
        Gen.Int[0, 3], Gen.OneOf(TicketHandlers), HostileJson.Text, HostileJson.Text, Gen.Bool, (f, h, a, b, real) => (f, h, a, b, real));

    [Fact]
    public async Task Generated_console_form_posts_never_fail_the_server()
    {
        var number = (string)Activities.Decision((await Activities.AskAsync(host.CreateClient(), "I want to talk to a person"))[^1]!.AsObject())!["ticketId"]!;
        var admin = new ConsoleClient(host);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync(ConsoleBotHost.AdminEmail, ConsoleBotHost.AdminPassword)).StatusCode);

        await Forms.SampleAsync(async c =>
        {
            // The in-memory test server cannot carry a NUL in a path at all (Kestrel answers such a request line with 400).
            var ticket = c.RealTicket ? number : c.B.Replace("\0", "");
            var response = c.Form switch
            {
                0 => await admin.PostFormAsync("/console", $"/console/tickets/{Uri.EscapeDataString(ticket)}?handler={c.Handler}",
                    new() { ["text"] = c.A, ["priority"] = c.A, ["status"] = c.A }),
                1 => await admin.PostFormAsync("/console/staff", "/console/staff?handler=Add",
                    new() { ["name"] = c.A, ["email"] = c.B, ["role"] = c.A, ["password"] = c.B }),
                2 => await admin.PostFormAsync("/console/privacy", "/console/privacy?handler=Find", new() { ["customer"] = c.A }),
                // A client (address) of its own each time, so the sign-in rate limit does not answer in the page's place.
                _ => await new ConsoleClient(host).PostFormAsync("/console/signin", "/console/signin", new() { ["Email"] = c.A, ["Password"] = c.B }),
            };

            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} on form {c.Form} {c.Handler}");
        }, iter: 150, threads: 1);

        // The admin is still signed in and the console still works.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/console/tickets/{number}")).Status);
    }
}
