using LiteDB;
using SmbBot.Core.CustomerMail;
using SmbBot.Core.Outbox;
using SmbBot.Core.Tickets;
using SmbBot.Host.Runtime;

namespace SmbBot.IntegrationTests;

/// <summary>Every stored document type is mapped once at start, so concurrent first uses cannot race in LiteDB's mapper.</summary>
public class LiteDbMappingsTests
{
    [Fact]
    public void Every_store_document_type_is_found_and_maps_without_error()
    {
        var types = LiteDbMappings.StoredTypes().ToArray();

        Assert.Contains(typeof(Ticket), types);
        Assert.Contains(typeof(InboundMailRecord), types);
        Assert.Contains(typeof(OutboxMessage), types);
        var failures = types.Select(t =>
        {
            try { new BsonMapper().ToDocument(t, Activator.CreateInstance(t)); return null; }
            catch (Exception e) { return $"{t.FullName}: {e.Message}"; }
        }).OfType<string>().ToArray();
        Assert.Empty(failures);
    }
}
