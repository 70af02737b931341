using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LiteDB;
using Microsoft.Extensions.Configuration;
using SmbBot.Host.Cli;
using Npgsql;
using SmbBot.Core.Outbox;
using SmbBot.Core.Staff;
using SmbBot.Core.Teams;
using SmbBot.Host.Runtime;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>
/// <c>migrate-store</c> on a real data folder: a host on LiteDB serves a website chat with an answer and a hand-over
/// ticket of a known customer, a staff account and a team are added and an e-mail waits in the outbox; the host is
/// stopped, the verb moves everything into PostgreSQL, and a host started on PostgreSQL carries on.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed partial class MigrateStoreTests(PostgreSqlTestCluster cluster)
{
    private const string Email = "ann@example.com", Password = "a-long-password-1";
    private static readonly string Secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private static readonly Lazy<Task<Source>> Shared = new(BuildSourceAsync);

    /// <summary>
    /// The data folder a LiteDB host left behind, what its chat saw, what <c>migrate-store</c> answered while the host
    /// ran, and the backup taken then.
    /// </summary>
    private sealed record Source(string Data, WebChatConversation Chat, string[] ActivityIds, int TicketNumber, string StaffId,
        (int ExitCode, string Output, string Errors) WhileRunning, string Backup);

    private static Dictionary<string, string> Settings(string data, string? database = null)
    {
        var settings = new Dictionary<string, string> { ["Storage__DataPath"] = data, ["DirectLine__Secret"] = Secret, ["Tickets__ReadApi__Enabled"] = "true" };
        if (database is not null) settings["Storage__ConnectionString"] = database;
        return settings;
    }

    private static Dictionary<string, string> OnPostgreSql(string data, string database)
    {
        var settings = Settings(data, database);
        settings["Storage__Provider"] = "PostgreSql";
        return settings;
    }

    private static async Task<Source> BuildSourceAsync()
    {
        var data = Path.Combine(RepoPaths.NewTempFolder(), "data");
        var added = await HostProcess.RunWithInputAsync(Settings(data), TimeSpan.FromSeconds(60), Password + "\n", "staff", "add", Email, "Ann", "admin");
        Assert.Equal(0, added.ExitCode);
        WebChatConversation chat;
        string[] ids;
        int ticket;
        (int, string, string) whileRunning;
        var backup = Path.Combine(RepoPaths.NewTempFolder(), "while-it-ran.db");
        using (var host = await HostProcess.StartAsync(Settings(data)))
        {
            chat = await KnownCustomerChatAsync(host.Client);
            var customer = new DirectLineChat(host.Client, chat);
            await customer.SayAsync("Is there parking at the store?");
            await customer.WaitForAsync(a => ((string?)a["text"] ?? "").Contains("20 spaces", StringComparison.Ordinal));
            await customer.SayAsync("I want to talk to a real person");
            ticket = Number((string)(await customer.WaitForAsync(a => Regex.IsMatch((string?)a["text"] ?? "", @"T-\d+")))["text"]!);
            ids = [.. (await customer.PollAsync(fromStart: true)).Select(a => (string)a["id"]!)];
            whileRunning = await HostProcess.RunAsync(Settings(data, "Host=127.0.0.1;Database=unused"), TimeSpan.FromSeconds(60), "migrate-store");
            Assert.Equal(0, (await HostProcess.RunAsync(Settings(data), TimeSpan.FromSeconds(120), "backup", "--to", backup)).ExitCode);
        }

        // A team and a waiting e-mail, written by the product's own LiteDB stores into the stopped host's file.
        LiteDbMappings.WarmUp();
        using var db = new LiteDatabase(new LiteDB.ConnectionString { Filename = Path.Combine(data, "smbbot.db"), Connection = ConnectionType.Direct });
        var staffId = new LiteDbStaffAccountStore(db).FindByEmail(Email)!.Id;
        Assert.NotNull(new LiteDbTeamStore(db).Save(null, "Billing", [staffId], AutoAssign.Off).Team);
        var now = DateTime.UtcNow;
        new LiteDbOutboxStore(db).Enqueue([new OutboxMessage
        {
            Id = "mail-1", Channel = OutboxChannel.Email, Kind = "reply", TicketId = ticket - 1000, To = "priya@example.com", Subject = "Your ticket", Body = "We are on it.",
            CreatedAt = now, NextAttemptAt = now.AddHours(1),
        }]);
        return new Source(data, chat, ids, ticket, staffId, whileRunning, backup);
    }

    [Fact]
    public async Task Moves_a_real_data_folder_and_the_host_on_PostgreSQL_carries_on()
    {
        var source = await Shared.Value;
        var database = cluster.NewDatabase();

        var (exitCode, output, errors) = await HostProcess.RunAsync(Settings(source.Data, database), TimeSpan.FromSeconds(60), "migrate-store");

        Assert.Equal((0, ""), (exitCode, errors));
        Assert.Contains("tickets 1, conversations ", output);
        Assert.Contains("staff accounts 1, teams 1, outbox 1", output);
        Assert.Contains($"web chat activities {source.ActivityIds.Length}", output);
        Assert.Contains("verified: ", output);
        var versions = Directory.GetFiles(Path.Combine(source.Data, "knowledge-versions"), "version.json", SearchOption.AllDirectories).Length;
        Assert.True(versions >= 1, "the LiteDB host recorded its knowledge as a version");
        Assert.Contains($"knowledge versions {versions}", output);
        await using (var pg = NpgsqlDataSource.Create(database))
        {
            await using var kept = pg.CreateCommand("SELECT count(*) FROM knowledge_versions");
            Assert.Equal((long)versions, await kept.ExecuteScalarAsync());
            await using var withLanguages = pg.CreateCommand("SELECT count(*) FROM knowledge_versions WHERE 'languages.json' = ANY(paths)");
            Assert.Equal((long)versions, await withLanguages.ExecuteScalarAsync());
            await using var waiting = pg.CreateCommand("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND NOT gave_up AND not_needed IS NULL AND next_attempt_at > now()");
            Assert.Equal(1L, await waiting.ExecuteScalarAsync());
            await using var team = pg.CreateCommand("SELECT name, members FROM teams");
            await using var row = await team.ExecuteReaderAsync();
            Assert.True(await row.ReadAsync());
            Assert.Equal("Billing", row.GetString(0));
            Assert.Equal([source.StaffId], row.GetFieldValue<string[]>(1));
        }

        using var host = await HostProcess.StartAsync(OnPostgreSql(source.Data, database));
        var ticket = (await host.Client.GetFromJsonAsync<JsonObject>($"/api/tickets/T-{source.TicketNumber}"))!["ticket"]!;
        Assert.Equal(("C-1003", "Priya Sharma"), ((string?)ticket["customer"]!["id"], (string?)ticket["customer"]!["name"]));
        Assert.Contains(ticket["transcript"]!.AsArray(), e => (string?)e!["text"] == "Is there parking at the store?");

        var staff = ConsoleClient.Over(host.Client.BaseAddress!);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SignInAsync(Email, Password)).StatusCode);
        var (status, queue) = await staff.GetAsync("/console");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"T-{source.TicketNumber}", queue);

        // The open page polls on from its watermark: nothing new, then the next reply after the moved activities.
        var chat = new DirectLineChat(host.Client, source.Chat);
        Assert.Equal(source.ActivityIds, (await chat.PollAsync(fromStart: true)).Select(a => (string)a["id"]!));
        Assert.Empty(await chat.PollAsync());
        await chat.SayAsync("Do you sell gift cards?");
        await chat.WaitForAsync(a => a["replyToId"] is not null);
        var all = await chat.PollAsync(fromStart: true);
        Assert.Equal(source.ActivityIds, all.Take(source.ActivityIds.Length).Select(a => (string)a["id"]!));
        Assert.Equal("Do you sell gift cards?", (string?)all[source.ActivityIds.Length]["text"]);

        var next = await Activities.AskAsync(host.Client, "I need to talk to a person about my invoice", "after-the-move");
        Assert.Equal($"T-{source.TicketNumber + 1}", (string)Activities.Decision(next[^1]!.AsObject())!["ticketId"]!);
    }

    /// <summary>The verb run in this process (faster than a process where the process itself is not the point).</summary>
    private static async Task<(int ExitCode, string Output, string Errors)> InProcess(Dictionary<string, string> settings, params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key.Replace("__", ":"), s => (string?)s.Value)).Build();
        var (output, errors) = (new StringWriter(), new StringWriter());
        var exitCode = await CommandLine.RunAsync(args, configuration, new StringReader(""), output, errors);
        return (exitCode, output.ToString(), errors.ToString());
    }

    private static int Number(string text) => int.Parse(Regex.Match(text, @"T-(\d+)").Groups[1].Value);

    // A customer the website vouches for (crm:C-1003), as DirectLineProtocolTests does: the ticket carries the CRM profile.
    private static async Task<WebChatConversation> KnownCustomerChatAsync(HttpClient client)
    {
        var generate = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate")
        {
            Content = new StringContent("{\"user\":{\"id\":\"crm:C-1003\"}}", Encoding.UTF8, "application/json"),
        };
        generate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        var token = (string)(await (await client.SendAsync(generate)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = (await (await client.SendAsync(start)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!;
        return new((string)started["conversationId"]!, (string)started["token"]!, (string)started["streamUrl"]!);
    }
}
