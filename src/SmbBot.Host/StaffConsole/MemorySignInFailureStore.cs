using System.Collections.Concurrent;
using SmbBot.Core.Staff;

namespace SmbBot.Host.StaffConsole;

/// <summary>Failed sign-ins in this process's memory (one host): at most <see cref="MaxTracked"/> pairs.</summary>
public sealed class MemorySignInFailureStore : ISignInFailureStore
{
    /// <summary>Most pairs remembered; beyond that the longest-quiet ones are forgotten (bounds memory).</summary>
    public const int MaxTracked = 10_000;

    private readonly ConcurrentDictionary<(string Email, string Address), SignInFailures> _failures = new();

    /// <inheritdoc/>
    public SignInFailures? Get(string email, string address) => _failures.TryGetValue((email, address), out var f) ? f : null;

    /// <inheritdoc/>
    public void Failed(string email, string address, DateTime now)
    {
        if (_failures.Count >= MaxTracked) Forget(now);
        _failures.AddOrUpdate((email, address), _ => new(1, now),
            (_, f) => now - f.Last > ISignInFailureStore.ForgetAfter ? new(1, now) : new(f.Count + 1, now));
    }

    /// <inheritdoc/>
    public void Succeeded(string email, string address) => _failures.TryRemove((email, address), out _);

    private void Forget(DateTime now)
    {
        foreach (var (key, f) in _failures)
            if (now - f.Last > ISignInFailureStore.ForgetAfter) _failures.TryRemove(key, out _);
        if (_failures.Count < MaxTracked) return;
        foreach (var (key, _) in _failures.OrderBy(p => p.Value.Last).Take(_failures.Count - MaxTracked / 2).ToArray())
            _failures.TryRemove(key, out _);
    }
}
