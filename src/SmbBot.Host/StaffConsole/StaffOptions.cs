using System.ComponentModel.DataAnnotations;

namespace SmbBot.Host.StaffConsole;

/// <summary>Staff sign-in settings (section <c>Staff</c>).</summary>
public sealed class StaffOptions : IValidatableObject
{
    public const string SectionName = "Staff";

    /// <summary>Creates the first admin when there is none (environment <c>Staff__BootstrapAdmin__Email</c> and <c>__Password</c>).</summary>
    public BootstrapAdmin BootstrapAdmin { get; set; } = new();

    /// <summary>
    /// Failed sign-ins for one e-mail from one client address before each further try from there has to wait. There is
    /// no account lock-out: anyone could trigger it and keep staff out.
    /// </summary>
    [Range(3, 50)] public int SignInFreeAttempts { get; set; } = 5;

    /// <summary>The longest wait (minutes); it starts at one minute and doubles with every further failure.</summary>
    [Range(1, 24 * 60)] public int SignInMaxWaitMinutes { get; set; } = 15;

    /// <summary>Sign-in attempts per minute from one client address (an IPv6 /64 counts as one); beyond that, 429.</summary>
    [Range(1, 10_000)] public int SignInsPerMinutePerAddress { get; set; } = 10;

    /// <summary>Sign-in attempts per minute from everyone together: bounds the password-hashing work; beyond that, 429.</summary>
    [Range(1, 100_000)] public int SignInsPerMinute { get; set; } = 120;

    /// <summary>How long a console sign-in lasts without use.</summary>
    [Range(5, 7 * 24 * 60)] public int SessionMinutes { get; set; } = 8 * 60;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BootstrapAdmin.Email is { Length: > 0 } != BootstrapAdmin.Password is { Length: > 0 })
            yield return new ValidationResult("Staff:BootstrapAdmin needs both Email and Password, or neither");
        else if (BootstrapAdmin.Password is { Length: > 0 } p && StaffPasswords.Problem(p) is { } problem)
            yield return new ValidationResult($"Staff:BootstrapAdmin:Password {problem}");
    }
}

public sealed class BootstrapAdmin
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string DisplayName { get; set; } = "Admin";
}

/// <summary>The password rule.</summary>
public static class StaffPasswords
{
    public const int MinLength = 10;

    /// <summary>What is wrong with a new password, or null.</summary>
    public static string? Problem(string password) =>
        password.Length < MinLength ? $"must have at least {MinLength} characters"
        : password.Length > 200 ? "must have at most 200 characters"
        : null;
}
