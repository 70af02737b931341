using SmbBot.Core.Staff;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>
/// What every store of failed sign-ins does: one suite, run in memory (<see cref="MemorySignInFailureStoreTests"/>) and
/// on PostgreSQL (<see cref="PostgreSqlSignInFailureStoreTests"/>). Each test starts from an empty store.
/// </summary>
public abstract class SignInFailureStoreContract
{
    protected static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>The store under test; empty.</summary>
    protected abstract ISignInFailureStore Store { get; }

    [Fact]
    public void Failures_are_counted_per_email_and_address_with_the_time_of_the_last()
    {
        Assert.Null(Store.Get("kim@example.com", "10.0.0.1"));

        for (int i = 0; i < 3; i++) Store.Failed("kim@example.com", "10.0.0.1", Now.AddMinutes(i));
        Store.Failed("kim@example.com", "10.0.0.2", Now);

        var counted = Store.Get("kim@example.com", "10.0.0.1")!.Value;
        Assert.Equal((3, Now.AddMinutes(2)), (counted.Count, counted.Last.ToUniversalTime()));
        Assert.Equal(1, Store.Get("kim@example.com", "10.0.0.2")!.Value.Count);
        Assert.Null(Store.Get("lee@example.com", "10.0.0.1"));
    }

    [Fact]
    public void A_success_forgets_the_pairs_failures_and_only_those()
    {
        Store.Failed("kim@example.com", "10.0.0.1", Now);
        Store.Failed("kim@example.com", "10.0.0.2", Now);

        Store.Succeeded("kim@example.com", "10.0.0.1");
        Store.Succeeded("nobody@example.com", "10.0.0.1");

        Assert.Null(Store.Get("kim@example.com", "10.0.0.1"));
        Assert.Equal(1, Store.Get("kim@example.com", "10.0.0.2")!.Value.Count);
    }

    [Fact]
    public void A_failure_after_a_quiet_day_counts_as_the_first_again()
    {
        for (int i = 0; i < 4; i++) Store.Failed("kim@example.com", "10.0.0.1", Now);

        Store.Failed("kim@example.com", "10.0.0.1", Now + ISignInFailureStore.ForgetAfter + TimeSpan.FromMinutes(1));

        Assert.Equal(1, Store.Get("kim@example.com", "10.0.0.1")!.Value.Count);
    }
}
