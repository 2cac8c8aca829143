using Nginx502Bot.Bot.Chat;

namespace Nginx502Bot.Bot.Commands;

/// <summary>One answer the bot gave, as the incident timeline records it.</summary>
/// <param name="DeliveryKey">Id of the inbound delivery that caused it, so a redelivery adds no second timeline event.</param>
public sealed record IncidentObservation(
    ChatThread Thread,
    ChatUser RequestedBy,
    string RootCause,
    string? Target,
    IReadOnlyList<string> Hosts,
    IReadOnlyList<string> Servers,
    string Summary,
    DateTimeOffset At,
    string? DeliveryKey);
