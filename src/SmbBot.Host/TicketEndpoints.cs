using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using SmbBot.Core;
using SmbBot.Core.Conversations;
using SmbBot.Core.Tickets;

namespace SmbBot.Host;

/// <summary>Settings of the ticket read API (section <c>Tickets:ReadApi</c>).</summary>
public sealed class TicketReadApiOptions
{
    public const string SectionName = "Tickets:ReadApi";

    /// <summary>
    /// The API always answers signed-in staff. This switch (off by default) also lets requests from this machine
    /// (loopback) read it without signing in, for local scripts.
    /// </summary>
    public bool Enabled { get; set; }

    [Range(1, 500)] public int MaxPageSize { get; set; } = 100;
}

/// <summary>Read-only ticket API for the staff console: the queue and one ticket with its whole handoff packet.</summary>
public static class TicketEndpoints
{
    /// <summary>Maps <c>GET /api/tickets</c> and <c>GET /api/tickets/{number}</c> for signed-in staff.</summary>
    public static IEndpointRouteBuilder MapTicketReadApi(this IEndpointRouteBuilder app, TicketReadApiOptions options)
    {
        var group = app.MapGroup("/api/tickets").AddEndpointFilter(async (context, next) =>
        {
            var user = context.HttpContext.User;
            if (user.IsInRole(SmbBot.Core.Staff.StaffRoles.Agent) || user.IsInRole(SmbBot.Core.Staff.StaffRoles.Admin)) return await next(context);
            if (options.Enabled && IsLocal(context.HttpContext.Connection)) return await next(context);
            return TypedResults.Problem("sign in to the staff console first", statusCode: user.Identity?.IsAuthenticated == true ? 403 : 401);
        });
        group.MapGet("/", Queue);
        group.MapGet("/{number}", One);
        return app;
    }

    private static Results<Ok<QueuePage>, ProblemHttpResult> Queue(ITicketStore store, TimeProvider clock,
        Microsoft.Extensions.Options.IOptions<TicketReadApiOptions> options,
        string? status = null, string? priority = null, string? category = null, int skip = 0, int take = 50)
    {
        List<TicketStatus> statuses = [];
        foreach (var s in (status ?? "new,open,pending").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Names.TryParseName<TicketStatus>(s, out var parsed))
                return TypedResults.Problem($"status '{s}' must be new, open, pending, resolved or closed", statusCode: 400);
            statuses.Add(parsed);
        }
        TicketPriority? p = null;
        if (priority is not null)
        {
            if (!Names.TryParseName<TicketPriority>(priority, out var parsed))
                return TypedResults.Problem($"priority '{priority}' must be urgent, high, normal or low", statusCode: 400);
            p = parsed;
        }
        if (skip < 0 || take < 1 || take > options.Value.MaxPageSize)
            return TypedResults.Problem($"skip must be at least 0 and take between 1 and {options.Value.MaxPageSize}", statusCode: 400);
        var now = clock.GetUtcNow().UtcDateTime;
        var (tickets, total) = store.Queue(new TicketQuery(statuses, p, category, Skip: skip, Take: take));
        return TypedResults.Ok(new QueuePage(total, tickets.Select(t => TicketSummary.Of(t, now)).ToArray()));
    }

    private static Results<Ok<TicketDetail>, NotFound> One(string number, ITicketStore store, TimeProvider clock)
    {
        if (store.Get(number) is not { } ticket) return TypedResults.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var earlier = store.ForCustomer(ticket.Customer?.Id, ticket.CustomerEmail, ticket.Id).Select(t => TicketSummary.Of(t, now)).ToArray();
        return TypedResults.Ok(new TicketDetail(TicketSummary.Of(ticket, now), ticket, earlier));
    }

    private static bool IsLocal(ConnectionInfo connection) =>
        connection.RemoteIpAddress is null || IPAddress.IsLoopback(connection.RemoteIpAddress);

    /// <summary>A page of the queue.</summary>
    public sealed record QueuePage(int Total, IReadOnlyList<TicketSummary> Tickets);

    /// <summary>One ticket with its packet and the customer's other tickets.</summary>
    public sealed record TicketDetail(TicketSummary Summary, Ticket Ticket, IReadOnlyList<TicketSummary> EarlierTickets);

    /// <summary>A queue row.</summary>
    public sealed record TicketSummary(string Number, string Status, string Priority, string Category, string Reason,
        DateTime CreatedAt, DateTime FirstResponseDue, bool Overdue, string? CustomerName, string? CustomerEmail, string Preview)
    {
        public static TicketSummary Of(Ticket t, DateTime now) => new(
            t.Number, t.Status.ToString().ToLowerInvariant(), t.Priority.ToString().ToLowerInvariant(), t.Category,
            TicketDesk.ReasonText(t.Reason), t.CreatedAt, t.FirstResponseDue, t.IsOpen && now > t.FirstResponseDue,
            t.Customer?.Name, t.CustomerEmail ?? t.Customer?.Email,
            t.Transcript.LastOrDefault(e => e.From == Speaker.Customer)?.Text is { } last ? (last.Length > 120 ? last[..120] + "…" : last) : "");
    }
}
