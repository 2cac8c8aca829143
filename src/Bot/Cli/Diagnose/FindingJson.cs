using System.Text.Json;
using Nginx502Bot.Diagnostics.Findings;
using Nginx502Bot.Diagnostics.Records;

namespace Nginx502Bot.Bot.Cli.Diagnose;

/// <summary>Writes one <see cref="Finding"/> in the <c>findings</c> shape of docs/diagnose-json.md.</summary>
public static class FindingJson
{
    /// <param name="inputs">The inputs' names when there are several: each evidence record then says which it came from.</param>
    public static void Write(Utf8JsonWriter json, Finding f, IReadOnlyList<string>? inputs = null)
    {
        json.WriteStartObject();
        json.WriteString("cause", f.Cause);
        json.WriteString("root_cause", f.RootCause);
        WriteOptional(json, "target", f.Target);
        WriteOptional(json, "scheme", f.Scheme);
        json.WriteNumber("count", f.Count);
        WriteTime(json, "first_seen", f.FirstSeen);
        WriteTime(json, "last_seen", f.LastSeen);
        json.WriteStartObject("statuses");
        foreach (var (status, count) in f.Statuses.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            json.WriteNumber(status == "-" ? "none" : status, count);
        }

        json.WriteEndObject();
        Strings(json, "servers", f.Servers);
        Strings(json, "hosts", f.Hosts);
        Strings(json, "paths", f.Paths);
        if (f.MorePaths > 0)
        {
            json.WriteNumber("more_paths", f.MorePaths);
        }

        json.WriteNumber("retried_requests", f.RetriedRequests);
        json.WriteString("confidence", f.Confidence.ToString().ToLowerInvariant());
        json.WriteString("summary", f.Summary);
        Strings(json, "facts", f.Facts);
        Strings(json, "likely_causes", f.LikelyCauses);
        Strings(json, "remediation", f.Remediation);
        Strings(json, "to_confirm", f.ToConfirm);
        json.WriteStartArray("evidence");
        foreach (var e in f.Evidence)
        {
            WriteEvidence(json, e, inputs);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteEvidence(Utf8JsonWriter json, LogRecord e, IReadOnlyList<string>? inputs)
    {
        json.WriteStartObject();
        json.WriteNumber("line", e.Line);
        if (inputs is not null)
        {
            json.WriteString("input", inputs[e.Input]);
        }

        json.WriteString("cause", e.Cause);
        JsonReportWriter.WriteStatus(json, "status", e.Status);
        json.WriteString("text", e.Text);
        json.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteStringValue(v);
        }

        json.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTime? time)
    {
        if (time is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, time.Value.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
