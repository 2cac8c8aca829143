using Nginx502Bot.Incidents.Model;
using Nginx502Bot.Incidents.Storage;

namespace Nginx502Bot.Incidents.Lifecycle;

public sealed partial class IncidentService
{
    /// <summary>
    /// Files a report: joins the live incident sharing an upstream or virtual host touched within the join window,
    /// else reopens one resolved within the reopen window (its 502s returned), else opens a new incident.
    /// </summary>
    public Task<ReportResult> ReportAsync(IncidentReport report, CancellationToken cancellationToken) =>
        RunAsync(reportLock: true, session => ReportInAsync(session, report, cancellationToken), cancellationToken);

    private async Task<ReportResult> ReportInAsync(IIncidentSession session, IncidentReport report, CancellationToken cancellationToken)
    {
        // A report already filed under its delivery key (a retried delivery that got past the chat delivery claim, or a
        // replayed job) changes nothing: its 502s are already counted.
        if (await session.FindIncidentOfEventAsync(ReportedKey(report), cancellationToken) is { } filedOn
            && await session.GetAsync(filedOn, cancellationToken) is { } filed)
        {
            return new ReportResult(filed, ReportOutcome.Joined, session.Deferred);
        }

        var now = timeProvider.GetUtcNow();
        var keys = IncidentKeys.Of(report);
        var live = keys.IsEmpty ? null : await session.FindLiveForAsync(keys, now - Options.JoinWindow, cancellationToken);
        var resolved = live is null && !keys.IsEmpty
            ? await session.FindResolvedForAsync(keys, now - Options.ReopenWindow, cancellationToken)
            : null;
        var (incident, outcome, changes) = (live, resolved) switch
        {
            ({ } l, _) => Join(l, report, now),
            (null, { } r) => Reopen(r, report, now),
            _ => Open(report, now),
        };
        incident = incident with { Version = (live ?? resolved)?.Version + 1 ?? 1 };
        var saved = await session.SaveAsync(incident, [.. changes, .. ReportEvents(incident, report)], cancellationToken);
        return new ReportResult(saved ?? incident, outcome, session.Deferred);
    }

    private static (Incident, ReportOutcome, List<TimelineEvent>) Open(IncidentReport report, DateTimeOffset now)
    {
        var incident = Absorb(new Incident
        {
            Id = Guid.CreateVersion7(now),
            Status = IncidentStatus.Open,
            Severity = report.Severity ?? Severity.Sev3,
            Title = Title(report),
            DetectedAt = report.ReportedAt,
            Channel = report.Channel,
            ThreadTs = report.ThreadTs,
            UpdatedAt = now,
        }, report, now);
        return (incident, ReportOutcome.Opened, []);
    }

    private (Incident, ReportOutcome, List<TimelineEvent>) Join(Incident live, IncidentReport report, DateTimeOffset now)
    {
        var incident = Absorb(live, report, now);
        if (live.Status != IncidentStatus.Mitigated)
        {
            return (incident, ReportOutcome.Joined, []);
        }

        // 502s after mitigation mean the mitigation did not hold.
        incident = incident with { Status = IncidentStatus.Open, MitigatedAt = null };
        var change = events.StatusChange(incident, IncidentStatus.Mitigated, IncidentStatus.Open, report.ReportedAt,
            report.Actor, "502s continued after mitigation", $"{report.DeliveryKey}:status");
        return (incident, ReportOutcome.Joined, [change]);
    }

    private (Incident, ReportOutcome, List<TimelineEvent>) Reopen(Incident resolved, IncidentReport report, DateTimeOffset now)
    {
        var incident = Absorb(resolved, report, now) with
        {
            Status = IncidentStatus.Open,
            ResolvedAt = null,
            MitigatedAt = null,
            ReopenedCount = resolved.ReopenedCount + 1,
        };
        var change = events.StatusChange(incident, IncidentStatus.Resolved, IncidentStatus.Open, report.ReportedAt,
            report.Actor, "502s returned", $"{report.DeliveryKey}:status");
        return (incident, ReportOutcome.Reopened, [change]);
    }

    /// <summary>Merges the report's targets, counts and log-time range into the incident.</summary>
    private static Incident Absorb(Incident incident, IncidentReport report, DateTimeOffset now) => incident with
    {
        Hosts = Union(incident.Hosts, report.Hosts),
        VirtualHosts = Union(incident.VirtualHosts, report.VirtualHosts),
        Upstreams = Union(incident.Upstreams, report.Upstreams),
        RootCause = report.RootCause ?? incident.RootCause,
        Severity = report.Severity is { } s && s < incident.Severity ? s : incident.Severity,
        Count502 = incident.Count502 + report.Count502,
        First502At = Min(incident.First502At, report.First502At),
        Last502At = Max(incident.Last502At, report.Last502At),
        Channel = incident.Channel ?? report.Channel,
        ThreadTs = incident.ThreadTs ?? report.ThreadTs,
        UpdatedAt = now,
    };

    private List<TimelineEvent> ReportEvents(Incident incident, IncidentReport report)
    {
        var key = report.DeliveryKey;
        var list = new List<TimelineEvent>
        {
            events.Create(incident.Id, TimelineEventKind.Reported, report.ReportedAt, report.Actor, report.Summary, ReportedKey(report),
                new { hosts = report.Hosts, virtualHosts = report.VirtualHosts, upstreams = report.Upstreams, channel = report.Channel }),
        };
        if (report.Count502 > 0)
        {
            list.Add(events.Create(incident.Id, TimelineEventKind.LinesReceived, report.First502At ?? report.ReportedAt, report.Actor,
                $"{report.Count502} 502 response(s) in the lines received", $"{key}:lines",
                new { count = report.Count502, first = report.First502At, last = report.Last502At, times = report.Times502.Take(5000) }));
        }

        if (report.DiagnosisJson is { } diagnosis)
        {
            list.Add(events.Create(incident.Id, TimelineEventKind.Diagnosis, report.ReportedAt, "nginx502bot",
                $"Diagnosis: {report.RootCause ?? "undetermined"}", $"{key}:diagnosis", diagnosis, pinned: true));
        }

        return list;
    }

    private static string ReportedKey(IncidentReport report) => $"{report.DeliveryKey}:reported";

    private static string Title(IncidentReport report)
    {
        var target = new[] { report.Upstreams, report.VirtualHosts, report.Hosts }.FirstOrDefault(l => l.Count > 0) is { } list ? list[0] : "unknown target";
        return report.RootCause is { } cause ? $"502s from {target} ({cause})" : $"502s from {target}";
    }

    private static string[] Union(IReadOnlyList<string> a, IReadOnlyList<string> b) => [.. a.Union(b, StringComparer.Ordinal)];

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
