using System.Text.Json.Nodes;

namespace Nginx502Bot.Bot.Teams.Tests.Infrastructure;

/// <summary>Activities shaped as Teams sends them (channel messages carry <c>;messageid=</c> in the conversation id).</summary>
public static class Activities
{
    public const string BotId = "28:" + LocalConnectorServer.AppId;
    public const string Channel = "19:ops-channel@thread.tacv2";
    public const string BotName = "Nginx502Bot";

    /// <summary>A root post in a team channel that @mentions the bot: <c>&lt;at&gt;Nginx502Bot&lt;/at&gt; {text}</c>.</summary>
    public static JsonObject ChannelMention(string serviceUrl, string text, string id = "1700000000001")
    {
        var activity = Base("message", serviceUrl, id, Channel + ";messageid=" + id, "channel");
        activity["text"] = $"<at>{BotName}</at> {text}";
        activity["textFormat"] = "plain";
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = $"<at>{BotName}</at>",
            ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        });
        return activity;
    }

    /// <summary>A message the bot overheard in a channel (no mention).</summary>
    public static JsonObject ChannelMessage(string serviceUrl, string text, string id = "1700000000002")
    {
        var activity = Base("message", serviceUrl, id, Channel + ";messageid=" + id, "channel");
        activity["text"] = text;
        return activity;
    }

    /// <summary>An Adaptive Card Action.Execute press on the bot's card <paramref name="cardId"/> in thread <paramref name="root"/>.</summary>
    public static JsonObject Execute(string serviceUrl, string verb, string value, string cardId, string root, string id = "f:invoke-1")
    {
        var activity = Base("invoke", serviceUrl, id, Channel + ";messageid=" + root, "channel");
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = cardId;
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = new JsonObject { ["action"] = verb, ["value"] = value } },
            ["trigger"] = "manual",
        };
        return activity;
    }

    /// <summary>The bot added to a team.</summary>
    public static JsonObject BotAdded(string serviceUrl) =>
        Base("conversationUpdate", serviceUrl, "f:update-1", Channel, "channel").Also(a => a["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId }));

    private static JsonObject Base(string type, string serviceUrl, string id, string conversationId, string conversationType) => new()
    {
        ["type"] = type,
        ["id"] = id,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:operator", ["name"] = "Ops Person", ["aadObjectId"] = "aad-operator" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = "tenant-1", ["isGroup"] = true },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        ["locale"] = "en-US",
    };

    private static JsonObject Also(this JsonObject activity, Action<JsonObject> change)
    {
        change(activity);
        return activity;
    }
}
