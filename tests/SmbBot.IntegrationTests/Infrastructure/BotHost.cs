using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SmbBot.IntegrationTests.Infrastructure;

/// <summary>
/// The real host (real classifier, embeddings and LiteDB) with its data in a temp folder and, optionally, another
/// knowledge folder or settings.
/// </summary>
public class BotHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly HostDisposed _disposed = new();
    private IHostApplicationLifetime? _lifetime;

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
        // Created with the logger factory, before any of the bot's services, so the container disposes it after them.
        builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(_ => _disposed));
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, TestClientAddress>());
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        _lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        return host;
    }

    /// <summary>
    /// The factory's own disposal stops and disposes the host a second time, concurrently with the program's
    /// <c>app.RunAsync</c>, which stops and disposes it as soon as the stop begins (dotnet/aspnetcore#40271): whichever
    /// finished first disposed the services (LiteDB, the embedding model, the hosted services) while the other was still
    /// stopping them, and the next host of a test could start on the same data folder before the last one had closed it.
    /// So a started host is stopped only through its own RunAsync, and disposal waits until that has disposed it.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        if (_lifetime is null)
        {
            await base.DisposeAsync();
        }
        else
        {
            await StopThroughProgramAsync();
            Dispose(disposing: true);
        }
        GC.SuppressFinalize(this);
    }

    protected override void Dispose(bool disposing)
    {
        if (_lifetime is null)
        {
            // A host whose start failed cannot be stopped (the framework throws ArgumentNullException); swallowing that
            // lets the start failure itself reach the test report.
            try { base.Dispose(disposing); }
            catch (ArgumentNullException) { }
        }
        else if (disposing)
        {
            StopThroughProgramAsync().GetAwaiter().GetResult();
        }
        try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { }
    }

    private Task StopThroughProgramAsync()
    {
        _lifetime!.StopApplication();
        return _disposed.Disposed.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Completes when the host's container disposes it, i.e. after every service created later.</summary>
    private sealed class HostDisposed : ILoggerProvider
    {
        public TaskCompletionSource Disposed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ILogger CreateLogger(string categoryName) => NullLogger.Instance;

        public void Dispose() => Disposed.TrySetResult();
    }
}

/// <summary>One host with the sample knowledge, shared by the tests of a class.</summary>
public sealed class SampleBotHost : BotHost;
