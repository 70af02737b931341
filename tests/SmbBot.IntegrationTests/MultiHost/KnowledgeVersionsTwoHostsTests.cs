using System.Net;
using System.Text.RegularExpressions;
using Npgsql;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests.MultiHost;

/// <summary>
/// Two real host processes on one PostgreSQL database, each with its own knowledge folder: a publish on either host
/// (<c>languages.json</c> included) reaches the other by itself, both show the same versions, and following a publish
/// records nothing new.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed partial class KnowledgeVersionsTwoHostsTests(PostgreSqlTestCluster cluster) : IAsyncLifetime
{
    private const string ParkingQuestion = "Is there parking at the store?";
    private const string SpanishQuestion = "¿Cuánto cuesta el envío a Valencia?";
    private const string SpanishReply = "Nuestro equipo atiende en inglés";
    private const string EditedSpanishReply = "Hoy solo atendemos en inglés";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly List<string> _folders = [];
    private RunningHost? _a, _b;
    private string _knowledgeA = "", _knowledgeB = "", _database = "";

    public async Task InitializeAsync()
    {
        _database = cluster.NewDatabase();
        (_a, _knowledgeA, _) = await StartAsync();
        (_b, _knowledgeB, _) = await StartAsync();
    }

    private async Task<(RunningHost Host, string Knowledge, string Data)> StartAsync(Action<string, string>? prepare = null)
    {
        var data = RepoPaths.NewTempFolder();
        var knowledge = RepoPaths.NewTempFolder();
        _folders.AddRange([data, knowledge]);
        RepoPaths.Copy(RepoPaths.Knowledge, knowledge);
        prepare?.Invoke(knowledge, data);
        var host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["Storage__Provider"] = "PostgreSql",
            ["Storage__ConnectionString"] = _database,
            ["Storage__DataPath"] = data,
            ["Knowledge__Path"] = knowledge,
            ["Staff__BootstrapAdmin__Email"] = ConsoleBotHost.AdminEmail,
            ["Staff__BootstrapAdmin__Password"] = ConsoleBotHost.AdminPassword,
            ["Staff__BootstrapAdmin__DisplayName"] = "Sam",
        });
        return (host, knowledge, data);
    }

    [Fact]
    public async Task A_publish_on_one_host_and_a_rollback_on_the_other_reach_both_and_record_one_version_each()
    {
        (int, string)[] first = [(1, "files on disk")];
        Assert.Equal(first, await VersionsAsync());
        Assert.Contains("20 spaces", await AnswerAsync(_b!, ParkingQuestion));

        // The owner edits host A's files on disk (the FAQ and the replies in other languages); A's folder watcher
        // publishes them, and B follows by itself.
        var shop = Path.Combine(_knowledgeA, "faq", "shop.csv");
        Edit(shop, "has 20 spaces", "has 35 free spaces");
        Edit(Path.Combine(_knowledgeA, "languages.json"), SpanishReply, EditedSpanishReply);
        await WaitForAnswerAsync(_b!, "35 free spaces");
        Assert.Contains("35 free spaces", File.ReadAllText(Path.Combine(_knowledgeB, "faq", "shop.csv")));
        Assert.Contains(EditedSpanishReply, File.ReadAllText(Path.Combine(_knowledgeB, "languages.json")));
        Assert.Contains(EditedSpanishReply, await AnswerAsync(_b!, SpanishQuestion));
        var b = await AdminAsync(_b!);
        int[] expected = [2, 1];
        Assert.Equal(expected, await HistoryAsync(b));

        // A rollback from B's history page is a new version, and A follows it.
        var rollback = await b.PostFormAsync("/console/knowledge/history", "/console/knowledge/history?handler=Rollback", new() { ["version"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, rollback.StatusCode);
        await WaitForAnswerAsync(_a!, "20 spaces");
        Assert.Contains(SpanishReply, await AnswerAsync(_a!, SpanishQuestion));
        expected = [3, 2, 1];
        Assert.Equal(expected, await HistoryAsync(await AdminAsync(_a!)));
        Assert.Equal(expected, await HistoryAsync(b));

        // Longer than the folder watchers' quiet spells: neither host records the files it was given as a version of its own.
        await Task.Delay(TimeSpan.FromSeconds(3));
        (int, string)[] all = [(3, "Sam"), (2, "files on disk"), (1, "files on disk")];
        Assert.Equal(all, await VersionsAsync());
        Assert.Contains("20 spaces", await AnswerAsync(_b!, ParkingQuestion));
        Assert.Contains("has 20 spaces", File.ReadAllText(shop));

        // A third host whose folder holds an older version (it missed the rollback) takes the newest instead of recording
        // its folder (and clears the checkout a stopped process left in its data folder). A folder holding no recorded
        // version would be recorded: files edited while the host was stopped (KnowledgeSyncTests).
        var (c, knowledgeC, dataC) = await StartAsync((knowledge, data) =>
        {
            Edit(Path.Combine(knowledge, "faq", "shop.csv"), "has 20 spaces", "has 35 free spaces");
            Edit(Path.Combine(knowledge, "languages.json"), SpanishReply, EditedSpanishReply);
            Directory.CreateDirectory(Path.Combine(data, "knowledge-checkouts", "left-by-a-crash", "faq"));
        });
        using (c)
        {
            Assert.False(Directory.Exists(Path.Combine(dataC, "knowledge-checkouts", "left-by-a-crash")));
            await WaitForAnswerAsync(c, "has 20 spaces");
            Assert.Contains("has 20 spaces", File.ReadAllText(Path.Combine(knowledgeC, "faq", "shop.csv")));
            Assert.Contains(SpanishReply, File.ReadAllText(Path.Combine(knowledgeC, "languages.json")));
            Assert.Equal(all, await VersionsAsync());
        }
    }

    private static void Edit(string file, string from, string to) =>
        File.WriteAllText(file, File.ReadAllText(file).Replace(from, to, StringComparison.Ordinal));

    private static async Task<string> AnswerAsync(RunningHost host, string question) =>
        string.Join("\n", (await Activities.AskAsync(host.Client, question)).Select(r => (string?)r!["text"]));

    private static async Task WaitForAnswerAsync(RunningHost host, string expected)
    {
        var deadline = DateTime.UtcNow + Bound;
        var answer = "";
        while (DateTime.UtcNow < deadline)
        {
            answer = await AnswerAsync(host, ParkingQuestion);
            if (answer.Contains(expected, StringComparison.Ordinal)) return;
            await Task.Delay(250);
        }
        Assert.Fail($"within {Bound.TotalSeconds} s the host still answered: {answer}");
    }

    private static async Task<ConsoleClient> AdminAsync(RunningHost host)
    {
        var console = ConsoleClient.Over(host.Client.BaseAddress!);
        Assert.Equal(HttpStatusCode.Redirect, (await console.SignInAsync(ConsoleBotHost.AdminEmail, ConsoleBotHost.AdminPassword)).StatusCode);
        return console;
    }

    /// <summary>The version numbers on the history page, and the one marked live first.</summary>
    private static async Task<int[]> HistoryAsync(ConsoleClient console)
    {
        var (status, page) = await console.GetAsync("/console/knowledge/history");
        Assert.Equal(HttpStatusCode.OK, status);
        var numbers = VersionEntry().Matches(page).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Matches($@"<strong>Version {numbers[0]}</strong>\s*<span class=""badge"">live</span>", page);
        return numbers;
    }

    private async Task<(int, string)[]> VersionsAsync()
    {
        await using var db = NpgsqlDataSource.Create(_database);
        await using var read = db.CreateCommand("SELECT number, by_whom FROM knowledge_versions ORDER BY number DESC");
        await using var reader = await read.ExecuteReaderAsync();
        var found = new List<(int, string)>();
        while (await reader.ReadAsync()) found.Add((reader.GetInt32(0), reader.GetString(1)));
        return [.. found];
    }

    [GeneratedRegex(@"data-version=""(\d+)""")]
    private static partial Regex VersionEntry();

    public async Task DisposeAsync()
    {
        _a?.Dispose();
        _b?.Dispose();
        await Task.CompletedTask;
        foreach (var folder in _folders) RepoPaths.DeleteFolder(folder);
        NpgsqlConnection.ClearAllPools();
    }
}
