using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Nginx502Bot.Bot.Teams;

/// <summary>
/// The Bot Connector REST calls the bot makes, against the activity's <c>serviceUrl</c>: send to a conversation
/// (<c>POST /v3/conversations/{id}/activities</c>), reply to an activity (<c>POST …/activities/{activityId}</c>),
/// update one (<c>PUT …/activities/{activityId}</c>). Only allowed service URLs are called. HTTP 429 and 5xx are
/// retried up to <see cref="TeamsOptions.MaxRetries"/> times, honouring Retry-After, otherwise backing off from
/// <see cref="TeamsOptions.RetryDelay"/>; a 401 renews the token once.
/// </summary>
public sealed class TeamsConnectorClient(HttpClient http, BotFrameworkTokenProvider tokens, ServiceUrlPolicy policy, IOptions<TeamsOptions> options, TimeProvider time)
{
    /// <summary>Posts a new activity into the conversation; returns its id.</summary>
    public Task<string> SendToConversationAsync(string serviceUrl, string conversationId, JsonObject activity, CancellationToken cancellationToken) =>
        SendAsync("send", HttpMethod.Post, serviceUrl, conversationId, null, activity, cancellationToken);

    /// <summary>Posts an activity as a reply to <paramref name="replyToId"/> (a reply chain); returns its id.</summary>
    public Task<string> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, JsonObject activity, CancellationToken cancellationToken)
    {
        activity["replyToId"] = replyToId;
        return SendAsync("reply", HttpMethod.Post, serviceUrl, conversationId, replyToId, activity, cancellationToken);
    }

    /// <summary>Replaces the activity <paramref name="activityId"/> the bot posted earlier.</summary>
    public Task UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, JsonObject activity, CancellationToken cancellationToken)
    {
        activity["id"] = activityId;
        return SendAsync("update", HttpMethod.Put, serviceUrl, conversationId, activityId, activity, cancellationToken);
    }

    private async Task<string> SendAsync(
        string operation, HttpMethod method, string serviceUrl, string conversationId, string? activityId, JsonObject activity, CancellationToken cancellationToken)
    {
        if (!policy.IsAllowed(serviceUrl))
        {
            throw new TeamsConnectorException(operation, "service_url_not_allowed");
        }

        var url = Url(serviceUrl, conversationId, activityId);
        var json = activity.ToJsonString();
        var renewed = false;
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return await ReadIdAsync(response, activityId, cancellationToken);
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized && !renewed)
            {
                // A token revoked or rotated before its expiry: fetch a new one once.
                tokens.Invalidate();
                renewed = true;
                attempt--;
                continue;
            }

            var wait = RetryWait(response, attempt);
            if (!IsRetryable(response.StatusCode) || attempt >= options.Value.MaxRetries || wait > options.Value.MaxRetryWait)
            {
                throw new TeamsConnectorException(operation, $"http_{(int)response.StatusCode}");
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private static Uri Url(string serviceUrl, string conversationId, string? activityId)
    {
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities" + (activityId is null ? "" : "/" + Uri.EscapeDataString(activityId));
        return new Uri(new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/"), path);
    }

    private static bool IsRetryable(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>Retry-After as seconds or a date; otherwise exponential backoff from the configured delay.</summary>
    private TimeSpan RetryWait(HttpResponseMessage response, int attempt)
    {
        var retryAfter = response.Headers.RetryAfter;
        var given = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - time.GetUtcNow() : (TimeSpan?)null);
        var backoff = options.Value.RetryDelay * Math.Pow(2, attempt);
        var wait = given ?? (backoff < options.Value.MaxRetryWait ? backoff : options.Value.MaxRetryWait);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    /// <summary>The connector answers a ResourceResponse <c>{"id": …}</c>; an update may answer with an empty body.</summary>
    private static async Task<string> ReadIdAsync(HttpResponseMessage response, string? fallback, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (text.Length == 0)
        {
            return fallback ?? "";
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return TeamsActivity.Str(document.RootElement, "id") ?? fallback ?? "";
        }
        catch (JsonException)
        {
            return fallback ?? "";
        }
    }
}
