using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace SmbBot.IntegrationTests.Infrastructure;

/// <summary>
/// The real host (real classifier, embeddings and LiteDB) with its data in a temp folder and, optionally, another
/// knowledge folder or settings.
/// </summary>
public class BotHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public BotHost(string? knowledgePath = null, IDictionary<string, string?>? settings = null)
    {
        DataPath = RepoPaths.NewTempFolder();
        _settings = new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = knowledgePath ?? RepoPaths.Knowledge,
            ["Storage:DataPath"] = DataPath,
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) _settings[k] = v;
    }

    /// <summary>The temp data folder (LiteDB file and models).</summary>
    public string DataPath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(_settings));
        builder.UseEnvironment("Development");
    }

    protected override void Dispose(bool disposing)
    {
        // A host whose start failed cannot be stopped (the framework throws ArgumentNullException); swallowing that
        // lets the start failure itself reach the test report.
        try { base.Dispose(disposing); }
        catch (ArgumentNullException) { }
        try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { }
    }
}

/// <summary>One host with the sample knowledge, shared by the tests of a class.</summary>
public sealed class SampleBotHost : BotHost;
