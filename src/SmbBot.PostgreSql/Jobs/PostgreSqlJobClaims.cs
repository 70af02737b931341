using Npgsql;
using SmbBot.Core.Storage;

namespace SmbBot.PostgreSql.Jobs;

/// <summary>
/// Periodic jobs once per interval across the hosts on one database (table <c>job_runs</c>): a claim is one upsert
/// that moves the job's last run to now only when the last run is at least <see cref="Slack"/> of an interval old,
/// so of two hosts whose timers tick within one interval exactly one gets it. A host that dies leaves the job to the
/// next host whose timer ticks after the interval.
/// </summary>
public sealed class PostgreSqlJobClaims(NpgsqlDataSource database, string host) : IJobClaims
{
    /// <summary>The share of an interval after which another claim is granted; below 1 so timer jitter never skips a pass.</summary>
    public const double Slack = 0.9;

    /// <inheritdoc/>
    public bool TryClaim(string job, DateTime now, TimeSpan every)
    {
        ArgumentException.ThrowIfNullOrEmpty(job);
        var utc = DateTime.SpecifyKind(now, DateTimeKind.Utc);
        using var command = database.CreateCommand("""
            INSERT INTO job_runs (job, last_run, host) VALUES ($1, $2, $3)
            ON CONFLICT (job) DO UPDATE SET last_run = EXCLUDED.last_run, host = EXCLUDED.host
            WHERE job_runs.last_run <= $4
            RETURNING job
            """);
        command.Parameters.Add(new() { Value = job });
        command.Parameters.Add(new() { Value = utc });
        command.Parameters.Add(new() { Value = host });
        command.Parameters.Add(new() { Value = utc - every * Slack });
        return command.ExecuteScalar() is not null;
    }
}
