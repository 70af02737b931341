using System.Text.Json;
using System.Text.Json.Serialization;
using SmbBot.Bot;
using SmbBot.Bot.DirectLine;
using SmbBot.Core;
using SmbBot.Host;
using SmbBot.Host.Backups;
using SmbBot.Host.Business;
using SmbBot.Host.Alerts;
using SmbBot.Host.Cli;
using SmbBot.Host.CustomerMail;
using SmbBot.Host.KnowledgeEditor;
using SmbBot.Host.Configuration;
using SmbBot.Host.Insight;
using SmbBot.Host.Runtime;
using SmbBot.Host.StaffConsole;
using SmbBot.Host.WebSecurity;

var root = SmbBotRoot.Locate();
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = SmbBotRoot.WebRoot(root) });
builder.Configuration.AddRootSettings(root);

if (CommandLine.Verb(args) is { } verb)
    return await CommandLine.RunAsync(verb, args, builder.Configuration);

builder.Services.AddSmbBotRuntime(builder.Configuration);
builder.Services.AddBackups(builder.Configuration);
builder.Services.AddSmbBotChannel(builder.Configuration);
builder.Services.AddBusinessSettings();
builder.Services.AddDirectLine(builder.Configuration, sp => sp.GetRequiredService<SmbBotPaths>().Data);
builder.Services.AddStaffConsole(builder.Configuration);
builder.Services.AddKnowledgeEditor();
builder.Services.AddStaffAlerts(builder.Configuration);
builder.Services.AddWebSecurity(builder.Configuration);
builder.Services.AddCustomerMail();
builder.Services.AddInsight();
builder.Services.AddStorageProvider(builder.Configuration); // last: PostgreSQL stores replace the LiteDB ones above

builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
builder.Services.AddSettings<TicketReadApiOptions>(builder.Configuration, TicketReadApiOptions.SectionName);

var app = builder.Build();

app.StopOnStoreFault();
app.UseWebSecurity();
app.UseWebSockets();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapHealth();
app.MapBotMessages();
app.MapDirectLine();
app.MapWebChatStatus();
app.MapWebChatAppearance();
app.MapStaffConsole();
app.MapInsight();
app.MapKnowledgeEditor();
app.MapTicketReadApi(builder.Configuration.GetSection(TicketReadApiOptions.SectionName).Get<TicketReadApiOptions>() ?? new());

return await StartupGuard.RunAsync(app);

/// <summary>The host's entry point; public for the integration tests.</summary>
public partial class Program;
