using Microsoft.AspNetCore.Identity;
using SmbBot.Core.Alerts;
using SmbBot.Core.Staff;
using SmbBot.Host.StaffConsole;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>
/// What every staff account store does: one suite, run against LiteDB (<see cref="LiteDbStaffAccountStoreTests"/>) and
/// PostgreSQL (<see cref="PostgreSqlStaffAccountStoreTests"/>). Each test starts from an empty store.
/// </summary>
public abstract class StaffAccountStoreContract
{
    protected static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>The store under test; empty.</summary>
    protected abstract IStaffAccountStore Store { get; }

    protected static StaffAccount Account(string name, string role = StaffRoles.Agent, bool disabled = false) => new()
    {
        Id = Guid.NewGuid().ToString("N"), Email = $"{name.ToLowerInvariant()}@example.com", DisplayName = name, Role = role,
        PasswordHash = $"hash-of-{name}", Disabled = disabled, CreatedAt = Now,
    };

    [Fact]
    public void An_account_reads_back_whole_by_id_and_by_email_and_all_come_by_display_name()
    {
        var kim = Account("Kim", StaffRoles.Admin);
        kim.Alerts = new AlertChoices { NewTicket = true, Urgent = false, Unclaimed = true, CustomerMessage = false };
        kim.Away = true;
        kim.AwayUntil = Now.AddDays(3);
        Assert.True(Store.Insert(Account("Sam")));
        Assert.True(Store.Insert(kim));
        Assert.True(Store.Insert(Account("Ali")));

        foreach (var read in new[] { Store.Get(kim.Id)!, Store.FindByEmail("kim@example.com")! })
        {
            Assert.Equal((kim.Id, "kim@example.com", "Kim", StaffRoles.Admin, "hash-of-Kim", false), (read.Id, read.Email, read.DisplayName, read.Role, read.PasswordHash, read.Disabled));
            Assert.Equal((Now, true, Now.AddDays(3)), (read.CreatedAt.ToUniversalTime(), read.Away, read.AwayUntil!.Value.ToUniversalTime()));
            Assert.Equal((true, false, true, false), (read.Alerts!.NewTicket, read.Alerts.Urgent, read.Alerts.Unclaimed, read.Alerts.CustomerMessage));
        }
        Assert.Equal(["Ali", "Kim", "Sam"], Store.All().Select(a => a.DisplayName));
        Assert.Null(Store.All()[0].Alerts);
        Assert.Null(Store.Get("unknown"));
        Assert.Null(Store.FindByEmail("nobody@example.com"));
    }

    [Fact]
    public void A_second_account_with_the_same_email_is_refused_and_the_first_kept()
    {
        var first = Account("Kim");
        var second = Account("Kim");
        second.DisplayName = "Kim Two";

        Assert.True(Store.Insert(first));
        Assert.False(Store.Insert(second));

        Assert.Equal([first.Id], Store.All().Select(a => a.Id));
        Assert.Null(Store.Get(second.Id));
    }

    [Fact]
    public void Password_availability_and_alerts_change_only_their_own_account()
    {
        var kim = Account("Kim");
        var lee = Account("Lee");
        Store.Insert(kim);
        Store.Insert(lee);

        Assert.True(Store.SetPasswordHash(kim.Id, "new-hash"));
        Assert.True(Store.SetAvailability(kim.Id, away: true, Now.AddHours(5)));
        Assert.True(Store.SetAlerts(kim.Id, new AlertChoices { NewTicket = true }));

        var read = Store.Get(kim.Id)!;
        Assert.Equal(("new-hash", true, Now.AddHours(5), true), (read.PasswordHash, read.Away, read.AwayUntil!.Value.ToUniversalTime(), read.Alerts!.NewTicket));
        var other = Store.Get(lee.Id)!;
        Assert.Equal(("hash-of-Lee", false, null, null), (other.PasswordHash, other.Away, other.AwayUntil, other.Alerts));

        Assert.True(Store.SetAvailability(kim.Id, away: false, Now.AddHours(9)));
        Assert.Equal((false, null), (Store.Get(kim.Id)!.Away, Store.Get(kim.Id)!.AwayUntil));
        Assert.True(Store.SetAvailability(kim.Id, away: true, null));
        Assert.Equal((true, null), (Store.Get(kim.Id)!.Away, Store.Get(kim.Id)!.AwayUntil));

        Assert.False(Store.SetPasswordHash("unknown", "x"));
        Assert.False(Store.SetAvailability("unknown", true, null));
        Assert.False(Store.SetAlerts("unknown", new AlertChoices()));
        Assert.Null(Store.Get("unknown"));
    }

    [Fact]
    public void The_last_enabled_admin_cannot_be_disabled_and_only_enabled_admins_count()
    {
        Assert.False(Store.AnyAdmin());
        var ann = Account("Ann", StaffRoles.Admin);
        var bo = Account("Bo", StaffRoles.Admin);
        var kim = Account("Kim");
        Store.Insert(ann);
        Store.Insert(bo);
        Store.Insert(kim);
        Store.Insert(Account("Old", StaffRoles.Admin, disabled: true));
        Assert.True(Store.AnyAdmin());

        Assert.Equal("no such account", Store.SetDisabled("unknown", true));
        Assert.Null(Store.SetDisabled(kim.Id, true));
        Assert.Null(Store.SetDisabled(ann.Id, true));
        Assert.Equal("the last admin cannot be disabled", Store.SetDisabled(bo.Id, true));

        Assert.Equal((true, true, false), (Store.Get(kim.Id)!.Disabled, Store.Get(ann.Id)!.Disabled, Store.Get(bo.Id)!.Disabled));
        Assert.True(Store.AnyAdmin());
        Assert.Null(Store.SetDisabled(ann.Id, false));
        Assert.Null(Store.SetDisabled(bo.Id, true));
        Assert.Equal([false, true], new[] { ann, bo }.Select(a => Store.Get(a.Id)!.Disabled));
    }

    [Fact]
    public void The_console_adds_accounts_by_lower_cased_email_and_signs_in_whatever_the_case()
    {
        var staff = new StaffStore(Store, TimeProvider.System, new PasswordHasher<StaffAccount>());

        var (kim, problem) = staff.Add("  Kim@Example.COM ", " Kim ", StaffRoles.Admin, "kim-password-123");
        Assert.Null(problem);
        Assert.Equal(("kim@example.com", "Kim"), (kim!.Email, kim.DisplayName));
        Assert.Equal("kim@example.com already has an account", staff.Add("KIM@example.com", "Kim 2", StaffRoles.Agent, "other-password-1").Problem);
        Assert.Equal("'not-an-email' is not an e-mail address", staff.Add("not-an-email", "X", StaffRoles.Agent, "some-password-1").Problem);
        Assert.Single(Store.All());

        Assert.Equal(kim.Id, staff.CheckPassword("KIM@EXAMPLE.com", "kim-password-123")?.Id);
        Assert.Null(staff.CheckPassword("kim@example.com", "wrong-password-1"));
        Assert.Null(staff.CheckPassword("nobody@example.com", "kim-password-123"));
        Assert.True(staff.AnyAdmin());
    }
}
