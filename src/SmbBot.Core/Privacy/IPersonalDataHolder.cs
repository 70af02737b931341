using System.Text.Json.Nodes;

namespace SmbBot.Core.Privacy;

/// <summary>
/// A store that keeps customers' personal data. Every such store registers one, so an export is complete and an
/// erasure leaves nothing behind. Holders are asked in order of <see cref="Order"/>: the ones that discover the person's
/// chat ids (tickets, conversations) before the ones that only look them up (the chat channel, alerts).
/// </summary>
public interface IPersonalDataHolder
{
    /// <summary>What this holder keeps, e.g. <c>tickets</c>; the key of its part of the export.</summary>
    string Name { get; }

    /// <summary>Lower first.</summary>
    int Order { get; }

    /// <summary>Adds the person's chat user and conversation ids this holder knows of to <paramref name="subject"/>.</summary>
    void Discover(PersonalDataSubject subject);

    /// <summary>The person's data as JSON, and a short count for the admin (e.g. <c>3 tickets: T-1001, T-1004</c>).</summary>
    (JsonNode Data, int Count, string Summary) Export(PersonalDataSubject subject);

    /// <summary>Deletes the person's data; returns how many records went.</summary>
    int Erase(PersonalDataSubject subject);
}
