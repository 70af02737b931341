using LiteDB;
using SmbBot.Core.Conversations;
using SmbBot.Core.Tickets;

namespace SmbBot.UnitTests.Tickets;

/// <summary>LiteDB reads an empty string back as null; the stored records keep their text fields non-null.</summary>
public class StoredEmptyTextTests
{
    [Fact]
    public void A_ticket_and_a_conversation_stored_with_empty_ids_read_back_with_empty_strings()
    {
        using var db = new LiteDatabase(":memory:");
        var tickets = db.GetCollection<Ticket>("tickets", BsonAutoId.Int32);
        var id = tickets.Insert(new Ticket { UserId = "", ConversationId = "", ChannelId = "", Category = "" }).AsInt32;
        var conversations = db.GetCollection<ConversationRecord>("conversations");
        conversations.Insert(new ConversationRecord { Id = "c1", UserId = "", ChannelId = "" });

        var ticket = tickets.FindById(id);
        var record = conversations.FindById("c1");

        Assert.Equal(("", "", "", ""), (ticket.UserId, ticket.ConversationId, ticket.ChannelId, ticket.Category));
        Assert.Equal(("", ""), (record.UserId, record.ChannelId));
    }
}
