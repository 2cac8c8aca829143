using System.Text.Json;
using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Diagnostics.Findings;
using Nginx502Bot.Diagnostics.Parsing;
using Nginx502Bot.Diagnostics.Records;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Bot.Cli.Diagnose;

/// <summary>
/// Streams <c>diagnose --json</c>: one JSON object whose <c>records</c> array is written as records arrive (nothing is
/// kept), then <c>findings</c> and <c>summary</c>. Schema: docs/diagnose-json.md.
/// </summary>
public sealed class JsonReportWriter : IRecordSink, IDisposable
{
    private readonly Utf8JsonWriter _json;

    public JsonReportWriter(Stream output)
    {
        _json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false, SkipValidation = true });
        _json.WriteStartObject();
        _json.WriteStartArray("records");
    }

    public void OnRecord(in RecordView record)
    {
        ref readonly var r = ref record.Record;
        var t = record.Text;
        _json.WriteStartObject();
        _json.WriteNumber("line", r.Line);
        if (r.LineCount > 1)
        {
            _json.WriteNumber("lines", r.LineCount);
        }

        _json.WriteString("kind", KindName(r.Kind));
        _json.WriteString("cause", r.Verdict.Cause);
        WriteStatus(_json, "status", r.Verdict.Status);
        if (r.Time is { } time)
        {
            _json.WriteString("time", time.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (record.IsNginx)
        {
            WriteNginx(t, r.Nginx);
        }
        else if (r.Kind != RecordKind.Unknown)
        {
            Write("level", r.Companion.Level, t);
            Write("subject", r.Companion.Subject, t);
            if (r.Companion.Pid > 0)
            {
                _json.WriteNumber("pid", r.Companion.Pid);
            }

            Write("message", r.Companion.Message, t);
        }
        else
        {
            _json.WriteString("text", t.Length > 512 ? t[..512] : t);
        }

        if (r.Origin is not null)
        {
            _json.WriteString("origin", r.Origin);
        }

        _json.WriteEndObject();
        if (_json.BytesPending > 64 * 1024)
        {
            _json.Flush();
        }
    }

    private void WriteNginx(ReadOnlySpan<char> t, in NginxLine n)
    {
        Write("level", n.Level, t);
        if (n.Pid > 0)
        {
            _json.WriteNumber("pid", n.Pid);
        }

        if (n.ConnectionId >= 0)
        {
            _json.WriteNumber("cid", n.ConnectionId);
        }

        Write("message", n.Message, t);
        if (n.ErrnoNumber >= 0)
        {
            _json.WriteNumber("errno", n.ErrnoNumber);
            Write("errno_text", n.ErrnoText, t);
        }

        Write("action", n.Action, t);
        Write("client", n.Client, t);
        Write("server", n.Server, t);
        Write("request", n.Request, t);
        Write("subrequest", n.Subrequest, t);
        Write("upstream", n.Upstream, t);
        var target = UpstreamAddress.Target(t, n);
        if (!target.IsEmpty)
        {
            _json.WriteString("target", target);
        }

        Write("host", n.Host, t);
        Write("referrer", n.Referrer, t);
        Write("resolver", n.Resolver, t);
        if (n.Truncated)
        {
            _json.WriteBoolean("truncated", true);
        }
    }

    private void Write(string name, Segment segment, ReadOnlySpan<char> text)
    {
        if (segment.IsPresent)
        {
            _json.WriteString(name, segment.Of(text));
        }
    }

    /// <summary>Closes the records array and writes findings and the summary.</summary>
    public void Finish(IReadOnlyList<Finding> findings, long records, long failures)
    {
        _json.WriteEndArray();
        _json.WriteStartArray("findings");
        foreach (var f in findings)
        {
            FindingJson.Write(_json, f);
        }

        _json.WriteEndArray();
        _json.WriteStartObject("summary");
        _json.WriteNumber("records", records);
        _json.WriteNumber("upstream_failures", failures);
        _json.WriteNumber("findings", findings.Count);
        _json.WriteEndObject();
        _json.WriteEndObject();
        _json.Flush();
    }

    public static void WriteStatus(Utf8JsonWriter json, string name, int? status)
    {
        if (status is null)
        {
            json.WriteNull(name);
        }
        else if (status == ClientStatus.Http09)
        {
            json.WriteString(name, "009");
        }
        else
        {
            json.WriteNumber(name, status.Value);
        }
    }

    private static string KindName(RecordKind kind) => kind switch
    {
        RecordKind.NginxHttp => "nginx",
        RecordKind.NginxStream => "nginx_stream",
        RecordKind.NginxCore => "nginx_core",
        RecordKind.NginxAccess => "nginx_access",
        RecordKind.PhpFpm => "php_fpm",
        RecordKind.Php => "php",
        RecordKind.Gunicorn => "gunicorn",
        RecordKind.Uwsgi => "uwsgi",
        RecordKind.Kernel => "kernel",
        RecordKind.SelinuxAudit => "selinux",
        _ => "unknown",
    };

    public void Dispose() => _json.Dispose();
}
