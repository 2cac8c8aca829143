using System.Text.Json;
using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Diagnostics.Findings;
using Nginx502Bot.Diagnostics.Vocabulary;
using Nginx502Bot.Incidents.Model;

namespace Nginx502Bot.Incidents.Lifecycle;

/// <summary>
/// Turns the engine's <see cref="Diagnosis"/> of a paste or agent excerpt into an <see cref="IncidentReport"/>:
/// upstreams from the findings' targets, virtual hosts from their server/host names, the 502s clients saw, the log-time
/// range from the records (nginx writes local time without a zone, so the caller says which zone the log was in), the
/// root cause of the largest upstream-failure finding, and the findings as the diagnosis event's JSON.
/// </summary>
public static class IncidentReportFactory
{
    private const int MaxFindings = 20;
    private const int MaxEvidence = 5;

    public static IncidentReport From(Diagnosis diagnosis, string deliveryKey, string actor, DateTimeOffset reportedAt,
        TimeZoneInfo logTimeZone, string? channel = null, string? threadTs = null, IReadOnlyList<string>? hosts = null)
    {
        var failures = diagnosis.Findings.Where(f => Causes.IsUpstreamFailure(f.Cause)).OrderByDescending(f => f.Count).ToList();
        var times = diagnosis.Records.Where(r => r.Status == 502 && r.Time is not null)
            .Select(r => ToUtc(r.Time!.Value, logTimeZone)).OfType<DateTimeOffset>().Order().ToList();
        return new IncidentReport
        {
            DeliveryKey = deliveryKey,
            Actor = actor,
            ReportedAt = reportedAt,
            Channel = channel,
            ThreadTs = threadTs,
            Hosts = hosts ?? [],
            Upstreams = [.. failures.Select(f => f.Target).OfType<string>().Distinct(StringComparer.Ordinal)],
            VirtualHosts = [.. failures.SelectMany(f => f.Servers.Concat(f.Hosts)).Distinct(StringComparer.Ordinal)],
            RootCause = failures.FirstOrDefault()?.RootCause,
            Count502 = ClientSaw502(diagnosis),
            First502At = times.Count > 0 ? times[0] : null,
            Last502At = times.Count > 0 ? times[^1] : null,
            Times502 = times,
            Summary = failures.FirstOrDefault()?.Summary ?? "No upstream failure found in the pasted lines",
            DiagnosisJson = failures.Count == 0 ? null : JsonSerializer.Serialize(new { findings = failures.Take(MaxFindings).Select(Describe) }, JsonSerializerOptions.Web),
        };
    }

    /// <summary>
    /// The 502s clients saw: the findings count a request nginx retried on another member once, under its last attempt, and a
    /// resolver's own record not beside the request's "could not be resolved"; records outside every finding (a 502 the
    /// engine cannot place, e.g. an errno no cause fits) count as they are.
    /// </summary>
    private static long ClientSaw502(Diagnosis diagnosis) =>
        diagnosis.Findings.Sum(f => (long)f.Statuses.GetValueOrDefault("502"))
        + diagnosis.Records.Count(r => r.Status == 502 && !Causes.IsUpstreamFailure(r.Cause));

    private static object Describe(Finding f) => new
    {
        cause = f.Cause,
        rootCause = f.RootCause,
        target = f.Target,
        count = f.Count,
        confidence = f.Confidence.ToString(),
        summary = f.Summary,
        facts = f.Facts,
        likelyCauses = f.LikelyCauses,
        remediation = f.Remediation,
        toConfirm = f.ToConfirm,
        evidence = f.Evidence.Take(MaxEvidence).Select(r => new { line = r.Line, text = r.Text }),
    };

    private static DateTimeOffset? ToUtc(DateTime logTime, TimeZoneInfo zone)
    {
        try
        {
            return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(logTime, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
        }
        catch (ArgumentException)
        {
            // A local time inside a DST gap does not exist; leave it out of the chart rather than guess.
            return null;
        }
    }
}
