using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace SmbBot.Bot;

/// <summary>
/// The configured Bot Framework authentication, with one connector client kept per service URL. The SDK creates a
/// new client for every turn, and each new client builds its JSON contracts again by reflection and compiled
/// expressions: a profile of the website channel showed that as most of a reply's cost. Clients are thread-safe
/// HTTP wrappers, so reusing them is safe; at most <see cref="MaxClients"/> are kept.
/// </summary>
public sealed class ReusingBotFrameworkAuthentication(BotFrameworkAuthentication inner) : BotFrameworkAuthentication
{
    public const int MaxClients = 64;
    private readonly ConcurrentDictionary<(string Url, string Audience), Task<IConnectorClient>> _clients = new();

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
        Reusing(await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken));

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        Reusing(await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken));

    // The adapter takes each turn's connector factory from the authentication result, not from CreateConnectorFactory.
    private AuthenticateRequestResult Reusing(AuthenticateRequestResult result)
    {
        if (result.ConnectorFactory is not null and not ReusingConnectorFactory)
            result.ConnectorFactory = new ReusingConnectorFactory(result.ConnectorFactory, _clients);
        return result;
    }

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new ReusingConnectorFactory(inner.CreateConnectorFactory(claimsIdentity), _clients);

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken);

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private sealed class ReusingConnectorFactory(ConnectorFactory factory, ConcurrentDictionary<(string, string), Task<IConnectorClient>> clients) : ConnectorFactory
    {
        public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
        {
            if (clients.Count >= MaxClients) clients.Clear(); // unknown service URLs (an open /api/messages in development) cannot grow it
            var key = (serviceUrl, audience ?? "");
            var created = clients.GetOrAdd(key, _ => factory.CreateAsync(serviceUrl, audience, CancellationToken.None));
            try
            {
                return new SharedClient(await created);
            }
            catch
            {
                clients.TryRemove(key, out _);
                throw;
            }
        }
    }

    /// <summary>A kept client handed to one turn; the turn's disposal must not dispose the shared client.</summary>
    private sealed class SharedClient(IConnectorClient client) : IConnectorClient
    {
        public Uri BaseUri { get => client.BaseUri; set => client.BaseUri = value; }
        public JsonSerializerSettings SerializationSettings => client.SerializationSettings;
        public JsonSerializerSettings DeserializationSettings => client.DeserializationSettings;
        public ServiceClientCredentials Credentials => client.Credentials;
        public IAttachments Attachments => client.Attachments;
        public IConversations Conversations => client.Conversations;

        public void Dispose() { }
    }
}
