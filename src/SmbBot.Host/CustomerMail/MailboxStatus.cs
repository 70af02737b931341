using SmbBot.Core.CustomerMail;
using SmbBot.Core.Mail;

namespace SmbBot.Host.CustomerMail;

/// <summary>The support mailbox as <c>/health/ready</c> shows it: not part of being ready, chat works without it.</summary>
/// <param name="Handled">E-mails read so far by outcome: onTicket, stopRequest, autoReply, bounce, ownMessage, noTicket.</param>
public sealed record MailboxReport(bool Reading, DateTime? LastReadAt, string? Problem, DateTime? ProblemSince, IReadOnlyDictionary<string, int> Handled);

/// <summary>The last poll of the support mailbox, kept in memory.</summary>
public sealed class MailboxStatus(MailOptions mail, IMailInboxStore inbox)
{
    private readonly Lock _lock = new();
    private DateTime? _lastReadAt;
    private string? _problem;
    private DateTime? _problemSince;

    /// <summary>A poll went through; returns whether the mailbox had been failing.</summary>
    public bool Read(DateTime nowUtc)
    {
        lock (_lock)
        {
            var recovered = _problem is not null;
            (_lastReadAt, _problem, _problemSince) = (nowUtc, null, null);
            return recovered;
        }
    }

    /// <summary>A poll failed; returns whether this problem is new (so it is logged once).</summary>
    public bool Failed(string problem, DateTime nowUtc)
    {
        lock (_lock)
        {
            var changed = _problem != problem;
            _problemSince = changed ? nowUtc : _problemSince;
            _problem = problem;
            return changed;
        }
    }

    public MailboxReport Report()
    {
        lock (_lock) return new MailboxReport(mail.ReadsMailbox, _lastReadAt, _problem, _problemSince, inbox.Counts());
    }
}
