namespace SmbBot.Core;

/// <summary>
/// Tells a failed write to the data folder (disk full, file system gone read-only, I/O error) from other errors, and
/// raises <see cref="Fault"/> the first time one happens. LiteDB 5 does not recover from a failed write in the same
/// process (every later turn fails, even once the disk has room again: measured with a full tmpfs), so the host
/// stops with <see cref="ExitCode"/> and the service manager starts it again; what customers were told had been kept
/// is on disk already. A database that cannot be reached (<paramref name="unavailable"/>) is no fault: the request
/// gets 503 and the host carries on until the database is back.
/// </summary>
public sealed class StoreFaults(string dataFolder, Func<Exception, string?>? unavailable = null)
{
    /// <summary>The exit code after a store fault: EX_TEMPFAIL, which the systemd unit restarts (unlike 1).</summary>
    public const int ExitCode = 75;

    private int _faulted;

    /// <summary>Raised once, with the first failed write.</summary>
    public event Action<Exception>? Fault;

    /// <summary>True after a failed write to the data folder.</summary>
    public bool Faulted => Volatile.Read(ref _faulted) == 1;

    /// <summary>What went wrong, in one line without customer data.</summary>
    public string? Reason { get; private set; }

    /// <summary>Records <paramref name="error"/> when it is a failed write to the data folder; returns whether it was.</summary>
    public bool Report(Exception error)
    {
        if (WriteFailure(error) is not { } io) return false;
        if (Interlocked.Exchange(ref _faulted, 1) == 0)
        {
            Reason = io.Message;
            Fault?.Invoke(io);
        }
        return true;
    }

    /// <summary>Why the database cannot be reached, in a few words without customer data, when that is what
    /// <paramref name="error"/> means; otherwise null.</summary>
    public string? Unavailable(Exception error) => unavailable?.Invoke(error);

    /// <summary>The I/O error on a file of the data folder somewhere in <paramref name="error"/>'s chain, or null.</summary>
    public IOException? WriteFailure(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is IOException io && io.Message.Contains(dataFolder, StringComparison.Ordinal)) return io;
            if (e is AggregateException aggregate)
                return aggregate.InnerExceptions.Select(WriteFailure).FirstOrDefault(f => f is not null);
        }
        return null;
    }
}
