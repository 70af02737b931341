namespace SmbBot.Core.Tickets;

/// <summary>
/// What the website's chat widget says about people being there: open with the expected reply time, or offline with
/// the real next opening. Holds nothing about any customer.
/// </summary>
/// <param name="Open">True while the business is open.</param>
/// <param name="Text">The line the widget shows.</param>
/// <param name="NextOpening">When a person is next there (now while open), UTC; null when the calendar never opens.</param>
public sealed record ChatAvailability(bool Open, string Text, DateTime? NextOpening)
{
    /// <summary>The availability at <paramref name="nowUtc"/>, promising the first-response time of a normal ticket.</summary>
    public static ChatAvailability At(DateTime nowUtc, TicketRouting routing)
    {
        var calendar = routing.Calendar;
        var (due, _) = routing.DueTimes(TicketPriority.Normal, nowUtc);
        var promise = ReplyPromise.For(due, nowUtc, calendar);
        var next = calendar.HasHours ? calendar.NextOpening(nowUtc) : nowUtc;
        if (!promise.Closed)
            return new ChatAvailability(true, $"We're online — ask for a person and they'll reply {promise.When}.", next);
        var closed = promise.Holiday switch
        {
            null => "We're offline",
            "" => "We're closed for the holidays",
            var label => $"We're closed for {label}",
        };
        return new ChatAvailability(false, $"{closed} — leave a message and we'll reply {promise.When}.", next);
    }
}
