using SmbBot.Bot;
using SmbBot.Core.Conversations;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The conversation lock contract for one process (the LiteDB default).</summary>
public sealed class InProcessConversationLocksTests : ConversationLocksContract
{
    private readonly ConversationLocks _locks = new();

    protected override IConversationLocks Locks => _locks;

    protected override IConversationLocks OtherHost => _locks;
}
