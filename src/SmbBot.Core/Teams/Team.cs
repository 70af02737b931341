using LiteDB;

namespace SmbBot.Core.Teams;

/// <summary>A group of staff who handle one kind of ticket (Billing, Technical, Complaints); a person can be in several.</summary>
public sealed class Team
{
    /// <summary>Longest team name.</summary>
    public const int MaxName = 40;

    [BsonId] public string Id { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>Staff account ids, in the order round-robin goes through them.</summary>
    public List<string> Members { get; set; } = [];

    public AutoAssign AutoAssign { get; set; } = AutoAssign.Off;

    /// <summary>The member who got the last automatic assignment; round-robin continues after them.</summary>
    public string? LastAssignedId { get; set; }
}

/// <summary>Whether and how a team's new tickets are given to one member automatically.</summary>
public enum AutoAssign
{
    /// <summary>The ticket waits in the team's queue until someone takes it.</summary>
    Off,

    /// <summary>Each member on duty in turn.</summary>
    RoundRobin,

    /// <summary>The member on duty with the fewest open tickets (round-robin order among equals).</summary>
    LeastOpen,
}
