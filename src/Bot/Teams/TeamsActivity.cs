using System.Text.Json;

namespace Nginx502Bot.Bot.Teams;

/// <summary>
/// The fields of a Bot Framework Activity the bot uses. Wire names are the Activity schema's; <see cref="Value"/> is
/// the card action's payload (cloned, so it outlives the request body), <see cref="MembersAdded"/> the ids a
/// <c>conversationUpdate</c> adds.
/// </summary>
public sealed record TeamsActivity(
    string Type,
    string? Id,
    string? ServiceUrl,
    string? ChannelId,
    string ConversationId,
    string? ConversationType,
    string FromId,
    string? FromName,
    string? RecipientId,
    string? Text,
    string? ReplyToId,
    string? Name,
    JsonElement? Value,
    IReadOnlyList<string> MembersAdded,
    IReadOnlyList<string> MentionedIds)
{
    /// <summary>True when the message @mentions the bot itself (Teams lists mentions as entities).</summary>
    public bool MentionsRecipient => RecipientId is not null && MentionedIds.Contains(RecipientId, StringComparer.Ordinal);

    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Invoke = "invoke";

    /// <summary>Parses an activity body; null when it is not JSON or lacks the type or conversation every activity has.</summary>
    public static TeamsActivity? TryParse(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            return From(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TeamsActivity? From(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || Str(root, "type") is not { } type || Str(Obj(root, "conversation"), "id") is not { } conversationId)
        {
            return null;
        }

        var from = Obj(root, "from");
        var value = root.TryGetProperty("value", out var v) && v.ValueKind != JsonValueKind.Null ? v.Clone() : (JsonElement?)null;
        var added = root.TryGetProperty("membersAdded", out var members) && members.ValueKind == JsonValueKind.Array
            ? members.EnumerateArray().Select(m => Str(m, "id")).OfType<string>().ToList()
            : [];
        var mentioned = root.TryGetProperty("entities", out var entities) && entities.ValueKind == JsonValueKind.Array
            ? entities.EnumerateArray().Where(e => Str(e, "type") == "mention").Select(e => Str(Obj(e, "mentioned"), "id")).OfType<string>().ToList()
            : [];
        return new TeamsActivity(type, Str(root, "id"), Str(root, "serviceUrl"), Str(root, "channelId"), conversationId,
            Str(Obj(root, "conversation"), "conversationType"), Str(from, "id") ?? "", Str(from, "name"), Str(Obj(root, "recipient"), "id"),
            Str(root, "text"), Str(root, "replyToId"), Str(root, "name"), value, added, mentioned);
    }

    private static JsonElement Obj(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    internal static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
