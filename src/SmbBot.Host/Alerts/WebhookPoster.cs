using System.Net.Http.Headers;
using System.Text;
using SmbBot.Core.Alerts;
using SmbBot.Core.Outbox;

namespace SmbBot.Host.Alerts;

/// <summary>Posts an outbox message's JSON to <c>Alerts:Webhook:Url</c>, signed with <c>Alerts:Webhook:Secret</c>.</summary>
public sealed class WebhookPoster(IHttpClientFactory clients, AlertOptions options, TimeProvider clock)
{
    public const string ClientName = "alerts-webhook";

    /// <summary>Posts; returns null when a 2xx came back, else what went wrong, never the address (it often holds a token).</summary>
    public async Task<string?> PostAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var body = message.Body;
        var at = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Webhook.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(WebhookSignature.TimestampHeader, at.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(options.Webhook.Secret!, at, body));
        request.Headers.Add(WebhookSignature.DeliveryHeader, message.Id);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"the webhook answered HTTP {(int)response.StatusCode}";
        }
        catch (HttpRequestException e)
        {
            return $"the webhook cannot be reached ({e.HttpRequestError})";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "the webhook did not answer in time";
        }
    }
}
