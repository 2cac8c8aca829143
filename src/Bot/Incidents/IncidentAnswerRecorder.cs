using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nginx502Bot.Bot.Commands;
using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Incidents.Lifecycle;
using Nginx502Bot.Incidents.Model;

namespace Nginx502Bot.Bot.Incidents;

/// <summary>
/// Files one chat answer with the incident lifecycle: the report (reported, lines_received with the log times,
/// diagnosis) through <see cref="IncidentReportFactory"/>, then one probe_result per agent that answered and the
/// suggested remediation. Every event key derives from the chat delivery, so a redelivery writes nothing twice.
/// </summary>
public sealed partial class IncidentAnswerRecorder(IncidentService lifecycle, IOptions<IncidentChatOptions> options, ILogger<IncidentAnswerRecorder> logger)
{
    public const string BotActor = "nginx502bot";
    private const int MaxSummary = 500;

    private readonly TimeZoneInfo _logZone = options.Value.ResolveLogTimeZone();

    /// <summary>The incident's number (or, while it exists only in the outbox, its id); null when recording failed.</summary>
    public async Task<string?> RecordAsync(IncidentObservation observation, CancellationToken cancellationToken)
    {
        var key = observation.DeliveryKey ?? $"chat:{Guid.NewGuid():N}";
        try
        {
            var result = await lifecycle.ReportAsync(ToReport(observation, key), cancellationToken);
            var id = result.Incident.Id;
            await RecordAgentAnswersAsync(id, observation, key, cancellationToken);
            await RecordRemediationAsync(id, observation, key, cancellationToken);
            return result.Incident.Number > 0 ? result.Incident.Number.ToString(CultureInfo.InvariantCulture) : id.ToString("N");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The diagnosis is what the user waits for; a failed timeline write must not swallow the answer.
            LogRecordFailed(logger, key, ex);
            return null;
        }
    }

    private IncidentReport ToReport(IncidentObservation o, string key)
    {
        var diagnosis = o.Diagnosis ?? new Diagnosis { Records = [], Findings = [] };
        var report = IncidentReportFactory.From(diagnosis, key, Actor(o), o.At, _logZone, o.Thread.Conversation.Id, o.Thread.ThreadId, o.Hosts);

        // A target diagnosed without pasted lines may carry no upstream-failure finding; keep the chat's own view
        // so the report still joins the incident for that site instead of opening a new one each time.
        return report with
        {
            RootCause = report.RootCause ?? o.RootCause,
            VirtualHosts = report.VirtualHosts.Count > 0 || report.Upstreams.Count > 0 ? report.VirtualHosts : [.. o.Servers, .. OptionalTarget(o)],
            Summary = report.RootCause is null ? o.Summary : report.Summary,
        };
    }

    private async Task RecordAgentAnswersAsync(Guid id, IncidentObservation o, string key, CancellationToken cancellationToken)
    {
        foreach (var answer in o.AgentAnswers)
        {
            var summary = answer.ProbeFacts.Count > 0
                ? string.Join("; ", answer.ProbeFacts)
                : $"{answer.Findings.Count} finding(s): {string.Join(", ", answer.Findings.Select(f => f.RootCause).Distinct(StringComparer.Ordinal))}";
            var details = JsonSerializer.Serialize(new { host = answer.Host, facts = answer.ProbeFacts, rootCauses = answer.Findings.Select(f => f.RootCause) }, JsonSerializerOptions.Web);
            await lifecycle.RecordAsync(id, TimelineEventKind.ProbeResult, answer.Host, Clip(summary), o.At, $"{key}:probe:{answer.Host}", details, pinned: false, cancellationToken);
        }
    }

    private async Task RecordRemediationAsync(Guid id, IncidentObservation o, string key, CancellationToken cancellationToken)
    {
        if (o.Diagnosis?.Findings.FirstOrDefault(f => f.Remediation.Count > 0) is not { } fix)
        {
            return;
        }

        var details = JsonSerializer.Serialize(new { rootCause = fix.RootCause, target = fix.Target, commands = fix.Remediation }, JsonSerializerOptions.Web);
        await lifecycle.RecordAsync(id, TimelineEventKind.RemediationSuggested, BotActor, Clip($"Suggested fix for {fix.RootCause}: {fix.Remediation[0]}"),
            o.At, $"{key}:remediation", details, pinned: false, cancellationToken);
    }

    private static IEnumerable<string> OptionalTarget(IncidentObservation o) => o.Target is { Length: > 0 } t ? [t] : [];

    private static string Actor(IncidentObservation o) => o.RequestedBy.Name ?? o.RequestedBy.Id;

    private static string Clip(string text) => text.Length <= MaxSummary ? text : text[..(MaxSummary - 1)] + "…";

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "Could not record delivery {DeliveryKey} in the incident timeline")]
    private static partial void LogRecordFailed(ILogger logger, string deliveryKey, Exception exception);
}
