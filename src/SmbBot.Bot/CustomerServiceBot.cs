using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using SmbBot.Core;
using SmbBot.Core.Routing;

namespace SmbBot.Bot;

/// <summary>
/// Translates Bot Framework activities to and from the SDK-free decision: welcome on join, then one decision per
/// message. Unknown activity types are ignored by <see cref="ActivityHandler"/>.
/// </summary>
public sealed class CustomerServiceBot(ITurnUnderstanding understanding, ReplyComposer replies, BotOptions options) : ActivityHandler
{
    /// <inheritdoc/>
    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var botId = turnContext.Activity.Recipient?.Id;
        if (membersAdded.Any(m => m.Id != botId))
            await turnContext.SendActivityAsync(replies.Welcome(), cancellationToken);
    }

    /// <inheritdoc/>
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var text = TextNormalizer.Clean(turnContext.Activity.Text, options.MaxInputChars);
        if (text.Length == 0)
        {
            await turnContext.SendActivityAsync(replies.EmptyMessage(), cancellationToken);
            return;
        }
        var decision = understanding.Understand(text);
        await turnContext.SendActivityAsync(replies.Reply(decision), cancellationToken);
    }
}
