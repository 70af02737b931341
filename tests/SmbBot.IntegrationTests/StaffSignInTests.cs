using System.Threading.RateLimiting;
using LiteDB;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SmbBot.Core.Staff;
using SmbBot.Host.StaffConsole;

namespace SmbBot.IntegrationTests;

/// <summary>The sign-in checks below the page: slow-down, password checks and rate limits (no host needed).</summary>
public sealed class StaffSignInTests : IDisposable
{
    private readonly LiteDatabase _db = new(":memory:");
    private readonly ManualClock _clock = new();

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData(0, null)]
    [InlineData(4, null)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(7, 4)]
    [InlineData(8, 8)]
    [InlineData(9, 15)]
    [InlineData(500, 15)]
    public void The_wait_starts_after_the_free_attempts_at_a_minute_and_doubles_up_to_the_maximum(int failures, int? minutes)
    {
        var last = new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

        var until = SignInBackoff.WaitUntil(new SignInFailures(failures, last), freeAttempts: 5, maxWait: TimeSpan.FromMinutes(15));

        Assert.Equal(minutes is null ? null : last.AddMinutes(minutes.Value), until);
    }

    [Fact]
    public void The_slow_down_is_per_e_mail_and_address_and_ends_with_the_wait_or_a_success()
    {
        var throttle = new SignInThrottle(Options.Create(new StaffOptions()), _clock);
        for (int i = 0; i < 5; i++) throttle.Failed("Sam@Example.com ", "10.0.0.1");

        Assert.Equal(TimeSpan.FromMinutes(1), throttle.Wait("sam@example.com", "10.0.0.1"));
        Assert.Null(throttle.Wait("sam@example.com", "10.0.0.2"));
        Assert.Null(throttle.Wait("kim@example.com", "10.0.0.1"));
        _clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Null(throttle.Wait("sam@example.com", "10.0.0.1"));
        throttle.Failed("sam@example.com", "10.0.0.1");
        Assert.Equal(TimeSpan.FromMinutes(2), throttle.Wait("sam@example.com", "10.0.0.1"));
        throttle.Succeeded("sam@example.com", "10.0.0.1");
        Assert.Null(throttle.Wait("sam@example.com", "10.0.0.1"));
    }

    [Fact]
    public void The_slow_down_remembers_a_bounded_number_of_pairs()
    {
        var throttle = new SignInThrottle(Options.Create(new StaffOptions()), _clock);
        for (int i = 0; i < 5; i++) throttle.Failed("target@example.com", "10.0.0.1");
        _clock.Advance(TimeSpan.FromSeconds(1));
        for (int i = 0; i < SignInThrottle.MaxTracked + 10; i++) throttle.Failed($"x{i}@example.com", "10.0.0.9");

        var latest = $"x{SignInThrottle.MaxTracked + 9}@example.com";
        for (int i = 0; i < 4; i++) throttle.Failed(latest, "10.0.0.9");

        Assert.Null(throttle.Wait("target@example.com", "10.0.0.1")); // the longest-quiet pair made room
        Assert.NotNull(throttle.Wait(latest, "10.0.0.9"));
    }

    [Fact]
    public void Unknown_disabled_and_wrong_password_each_cost_one_password_check()
    {
        var hasher = new CountingHasher();
        var store = new StaffStore(new LiteDbStaffAccountStore(_db), _clock, hasher);
        var kim = store.Add("kim@example.com", "Kim", StaffRoles.Agent, "kim-password-123").Account!;
        store.Add("lee@example.com", "Lee", StaffRoles.Agent, "lee-password-123");
        store.Add("sam@example.com", "Sam", StaffRoles.Admin, "sam-password-123");
        Assert.Null(store.SetDisabled(kim.Id, true));

        var costs = new List<(int Verified, int Hashed, bool SignedIn)>();
        foreach (var (email, password) in new[] { ("nobody@example.com", "any-password-1"), ("kim@example.com", "kim-password-123"), ("lee@example.com", "wrong-password-1"), ("lee@example.com", "lee-password-123") })
        {
            var (verified, hashed) = (hasher.Verified, hasher.Hashed);
            var account = store.CheckPassword(email, password);
            costs.Add((hasher.Verified - verified, hasher.Hashed - hashed, account is not null));
        }

        Assert.Equal([(1, 0, false), (1, 0, false), (1, 0, false), (1, 0, true)], costs);
    }

    [Fact]
    public void Password_checks_run_side_by_side()
    {
        // Each check waits inside the hasher until another check is there too: if checks were serialised, the two
        // would never meet.
        using var meeting = new Barrier(2);
        var met = 0;
        var store = new StaffStore(new LiteDbStaffAccountStore(_db), _clock, new CountingHasher(() => { if (meeting.SignalAndWait(TimeSpan.FromSeconds(10))) Interlocked.Increment(ref met); }));
        store.Add("lee@example.com", "Lee", StaffRoles.Agent, "lee-password-123");

        Thread[] checks =
        [
            new(() => store.CheckPassword("lee@example.com", "wrong-password-1")),
            new(() => store.CheckPassword("nobody@example.com", "wrong-password-2")),
        ];
        foreach (var t in checks) t.Start();
        foreach (var t in checks) t.Join();

        Assert.Equal(2, met);
    }

    [Fact]
    public void One_address_over_its_limit_is_refused_without_using_up_everyone_elses()
    {
        using var limiters = new SignInLimiters(Options.Create(new StaffOptions { SignInsPerMinutePerAddress = 2, SignInsPerMinute = 5 }));
        using var first = limiters.ForAddress();
        using var second = limiters.ForAddress();
        using var third = limiters.ForAddress();

        bool[] firstAddress = [.. Enumerable.Range(0, 4).Select(_ => first.AttemptAcquire().IsAcquired)];
        bool[] others = [.. new[] { second, second, third, third }.Select(l => l.AttemptAcquire().IsAcquired)];
        using var fourth = limiters.ForAddress();
        var overall = fourth.AttemptAcquire();

        Assert.Equal([true, true, false, false], firstAddress);
        Assert.Equal([true, true, true, false], others); // 2 + 3 = everyone's 5 a minute
        Assert.False(overall.IsAcquired);
        Assert.True(overall.TryGetMetadata(MetadataName.RetryAfter, out _));
    }

    private sealed class CountingHasher(Action? whileVerifying = null) : IPasswordHasher<StaffAccount>
    {
        private readonly PasswordHasher<StaffAccount> _real = new();
        public int Hashed;
        public int Verified;

        public string HashPassword(StaffAccount user, string password)
        {
            Interlocked.Increment(ref Hashed);
            return _real.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(StaffAccount user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Verified);
            whileVerifying?.Invoke();
            return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}
