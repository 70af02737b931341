using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>The sample host with every log line kept, at the most detailed level the product logs at.</summary>
public sealed class LogCapturingHost() : BotHost(settings: new Dictionary<string, string?>
{
    ["Logging:LogLevel:Default"] = "Debug",
    ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
})
{
    public ConcurrentQueue<string> Lines { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(new Capture(Lines)));
    }

    private sealed class Capture(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{formatter(state, exception)} {exception}");
        public void Dispose() { }
    }
}

/// <summary>E-mail addresses, phone and card numbers, and customers' words never reach the logs.</summary>
public class LogPrivacyTests(LogCapturingHost host) : IClassFixture<LogCapturingHost>
{
    [Fact]
    public async Task What_customers_type_is_never_logged()
    {
        string[] secrets = ["pat.quinn@example.net", "07700 900123", "4111 1111 1111 1111", "my parcel never arrived"];
        var client = host.CreateClient();
        var conversation = Guid.NewGuid().ToString("N");

        await Activities.AskAsync(client, $"{secrets[3]}, my card 4111 1111 1111 1111 was charged twice, call 07700 900123", conversation);
        await Activities.AskAsync(client, "I want to talk to a person", conversation);
        await Activities.AskAsync(client, "pat.quinn@example.net", conversation);
        await Activities.AskAsync(client, "opening hours? pat.quinn@example.net", Guid.NewGuid().ToString("N"));

        Assert.NotEmpty(host.Lines);
        foreach (var line in host.Lines)
            foreach (var secret in secrets)
                Assert.DoesNotContain(secret, line, StringComparison.OrdinalIgnoreCase);
    }
}
