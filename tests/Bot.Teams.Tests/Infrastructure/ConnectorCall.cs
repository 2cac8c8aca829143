using System.Text.Json.Nodes;

namespace Nginx502Bot.Bot.Teams.Tests.Infrastructure;

/// <summary>One request the local connector received: method, decoded path, bearer token and JSON body.</summary>
public sealed record ConnectorCall(string Method, string Path, string Authorization, string Body, int Status)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    /// <summary>The Adaptive Card of the activity, or null for a text message.</summary>
    public JsonObject? Card => Json["attachments"]?[0]?["content"]?.AsObject();
}
