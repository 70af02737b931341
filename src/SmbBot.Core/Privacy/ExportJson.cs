using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SmbBot.Core.Privacy;

/// <summary>How stored records are written into an export: readable names, enums as words.</summary>
public static class ExportJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>A list of records as a JSON array.</summary>
    public static JsonArray Array<T>(IEnumerable<T> records) => new([.. records.Select(r => JsonSerializer.SerializeToNode(r, Options))]);
}
