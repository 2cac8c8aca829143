using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Bot.Dispatch;
using Nginx502Bot.Diagnostics.Analysis;

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
    string? DeliveryKey)
{
    /// <summary>The engine's records (with their log times) and every finding, pasted and from agents.</summary>
    public Diagnosis? Diagnosis { get; init; }

    /// <summary>What each agent that answered reported: its findings and probe facts (file:line).</summary>
    public IReadOnlyList<AgentDiagnosis> AgentAnswers { get; init; } = [];
}
