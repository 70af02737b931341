using Microsoft.Extensions.Options;
using SmbBot.Core.Staff;

namespace SmbBot.Host.StaffConsole;

/// <summary>Creates the first admin from <c>Staff:BootstrapAdmin</c> when there is no admin yet. No password is built in.</summary>
public sealed partial class StaffBootstrap(StaffStore staff, IOptions<StaffOptions> options, ILogger<StaffBootstrap> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var bootstrap = options.Value.BootstrapAdmin;
        if (staff.AnyAdmin()) return Task.CompletedTask;
        if (bootstrap.Email is not { Length: > 0 } email || bootstrap.Password is not { Length: > 0 } password)
        {
            LogNoAdmin(logger);
            return Task.CompletedTask;
        }
        var (account, problem) = staff.Add(email, bootstrap.DisplayName, StaffRoles.Admin, password);
        if (account is null) throw new OptionsValidationException(StaffOptions.SectionName, typeof(StaffOptions), [$"Staff:BootstrapAdmin: {problem}"]);
        LogCreated(logger, account.Email);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No staff admin exists: set Staff__BootstrapAdmin__Email and Staff__BootstrapAdmin__Password, or run the 'staff add' command")]
    private static partial void LogNoAdmin(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first staff admin {Email}")]
    private static partial void LogCreated(ILogger logger, string email);
}
