using System.Text.Json;
using Nginx502Bot.Incidents.Model;
using Nginx502Bot.Incidents.Storage;

namespace Nginx502Bot.Incidents.Postmortems;

/// <summary>Builds a <see cref="Postmortem"/> from the stored incident and timeline (or from given ones, for tests and benchmarks).</summary>
public sealed class PostmortemBuilder(IncidentRepository incidents, TimelineRepository timeline)
{
    public async Task<Postmortem?> BuildAsync(long number, CancellationToken cancellationToken)
    {
        var incident = await incidents.GetByNumberAsync(number, cancellationToken);
        return incident is null ? null : Build(incident, await timeline.ListAsync(incident.Id, cancellationToken));
    }

    public static Postmortem Build(Incident incident, IReadOnlyList<TimelineEvent> events)
    {
        var ordered = events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToList();
        var reported = ordered.FirstOrDefault(e => e.Kind == TimelineEventKind.Reported);
        var start = incident.First502At ?? incident.DetectedAt;
        return new Postmortem
        {
            Incident = incident,
            Summary = Summary(incident),
            ImpactStart = incident.First502At,
            ImpactEnd = incident.Last502At,
            DetectedBy = reported?.Actor ?? "unknown",
            DetectionDelay = incident.First502At is { } first ? incident.DetectedAt - first : null,
            TimeToAcknowledge = incident.AcknowledgedAt - start,
            TimeToResolve = incident.ResolvedAt - start,
            Timeline = ordered,
            Evidence = [.. ordered.Where(e => e.Kind is TimelineEventKind.Diagnosis or TimelineEventKind.ProbeResult || e.Pinned)],
            WhatWasDone = [.. ordered.Where(e => e.Kind is TimelineEventKind.ActionTaken or TimelineEventKind.StatusChange or TimelineEventKind.RemediationSuggested)],
            ActionItems = ActionItemCatalog.For(incident.RootCause),
            Chart = ChartSeries.Build(Times502(incident, ordered)),
        };
    }

    private static string Summary(Incident i)
    {
        var targets = string.Join(", ", i.Upstreams.Concat(i.VirtualHosts).DefaultIfEmpty("an unknown target"));
        var cause = i.RootCause is null ? "an undetermined cause" : $"root cause `{i.RootCause}`";
        return $"{i.Count502} 502 response(s) from {targets} on {i.Hosts.Count} host(s), {cause}; status {DbNames.Of(i.Status)}.";
    }

    /// <summary>Log timestamps from lines_received events; falls back to the incident's first/last 502 times.</summary>
    private static List<DateTimeOffset> Times502(Incident incident, List<TimelineEvent> events)
    {
        var times = new List<DateTimeOffset>();
        foreach (var e in events.Where(e => e.Kind == TimelineEventKind.LinesReceived))
        {
            using var doc = JsonDocument.Parse(e.DetailsJson);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("times", out var array) && array.ValueKind == JsonValueKind.Array)
            {
                times.AddRange(array.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetDateTimeOffset()));
            }
        }

        if (times.Count == 0)
        {
            times.AddRange(new[] { incident.First502At, incident.Last502At }.OfType<DateTimeOffset>());
        }

        return times;
    }
}
