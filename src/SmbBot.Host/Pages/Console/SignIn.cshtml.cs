using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using SmbBot.Bot.DirectLine;
using SmbBot.Host.StaffConsole;

namespace SmbBot.Host.Pages.Console;

[EnableRateLimiting(SignInRateLimits.Policy)]
public sealed class SignInModel(StaffSignIn signIn) : PageModel
{
    /// <summary>The one answer to a wrong e-mail, a wrong password and a disabled account, so none tells which accounts exist.</summary>
    public const string Refused = "The e-mail or password is wrong, or the account is disabled.";

    // Model binding turns an empty or blank field into null.
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    public string? Problem { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        var outcome = signIn.Attempt(Email ?? "", Password ?? "", ClientAddress.Key(HttpContext.Connection.RemoteIpAddress));
        if (outcome.Account is not { } account)
        {
            Problem = outcome.Wait is { } wait ? TooMany(wait) : Refused;
            Response.StatusCode = outcome.Wait is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status429TooManyRequests;
            return Page();
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, account.Id),
            new Claim(ClaimTypes.Name, account.DisplayName),
            new Claim(ClaimTypes.Email, account.Email),
            new Claim(ClaimTypes.Role, account.Role),
        ], CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/console");
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/console/signin");
    }

    private static string TooMany(TimeSpan wait)
    {
        var minutes = (int)Math.Ceiling(wait.TotalMinutes);
        return $"Too many failed sign-ins for this e-mail from your network. Try again in {minutes} minute{(minutes == 1 ? "" : "s")}.";
    }
}
