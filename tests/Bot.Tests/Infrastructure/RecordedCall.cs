namespace Nginx502Bot.Bot.Tests.Infrastructure;

/// <summary>One request the local Slack server received: Web API method (or "upload"/"response_url"), body, auth header.</summary>
public sealed record RecordedCall(string Method, string Body, string? ContentType, string? Authorization, DateTimeOffset At)
{
    /// <summary>The JSON body parsed; form bodies are not JSON and throw.</summary>
    public System.Text.Json.Nodes.JsonNode Json => System.Text.Json.Nodes.JsonNode.Parse(Body)!;
}
