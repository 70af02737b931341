using SmbBot.Bot;
using SmbBot.Host;
using SmbBot.Host.Cli;
using SmbBot.Host.Configuration;
using SmbBot.Host.Runtime;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddRootSettings(SmbBotRoot.Locate());

if (CommandLine.Verb(args) is { } verb)
    return await CommandLine.RunAsync(verb, builder.Configuration);

builder.Services.AddSmbBotRuntime(builder.Configuration);
builder.Services.AddSmbBotChannel(builder.Configuration);

var app = builder.Build();

app.MapHealth();
app.MapBotMessages();

return await StartupGuard.RunAsync(app);

/// <summary>The host's entry point; public for the integration tests.</summary>
public partial class Program;
