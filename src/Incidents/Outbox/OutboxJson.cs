using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nginx502Bot.Incidents.Outbox;

/// <summary>JSON settings of the outbox file: one entry per line, enums by name.</summary>
internal static class OutboxJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter() },
    };
}
