using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;
using SmbBot.Core.DirectLine;
using static SmbBot.Bot.DirectLine.DirectLineHttp;

namespace SmbBot.Bot.DirectLine;

/// <summary>The connector endpoint the bot replies to (its <c>serviceUrl</c>), authorised by the key in its path.</summary>
internal static class DirectLineConnectorEndpoint
{
    public static async Task FromBot(HttpContext http, string key, string conversationId, DirectLineChannel channel, DirectLineOptions options)
    {
        // The bot adapter of this process is the only caller: on this machine unless a connector URL elsewhere is set.
        if (!ConnectorAddress.IsElsewhere(options) && MessagesEndpointAccess.CallerProblem(false, http) is not null)
        {
            await Error(http, 403, "Forbidden", "the connector endpoint takes calls from this machine's bot only");
            return;
        }
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(channel.ConnectorKey)))
        {
            await Error(http, 401, "Unauthorized", "unknown connector key");
            return;
        }
        var activity = await ReadJson(http);
        if (activity is null)
        {
            await Error(http, 400, "BadArgument", "the body must be one activity");
            return;
        }
        var stored = channel.FromBot(Uri.UnescapeDataString(conversationId), activity);
        if (stored.Outcome != AppendOutcome.Stored)
        {
            await Refused(http, stored.Outcome, options);
            return;
        }
        await Json(http, 200, new JObject { ["id"] = DirectLineChannel.Id(Uri.UnescapeDataString(conversationId), stored.Seq) });
    }
}
