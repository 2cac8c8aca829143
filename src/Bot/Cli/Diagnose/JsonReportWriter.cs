using System.Text.Json;
using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Diagnostics.Findings;
using Nginx502Bot.Diagnostics.Parsing;
using Nginx502Bot.Diagnostics.Records;
using Nginx502Bot.Diagnostics.Vocabulary;
using N = Nginx502Bot.Bot.Cli.Diagnose.RecordJsonNames;

namespace Nginx502Bot.Bot.Cli.Diagnose;

/// <summary>
/// Streams <c>diagnose --json</c>: one JSON object whose <c>records</c> array is written as records arrive (nothing is
/// kept), then <c>findings</c> and <c>summary</c>. Schema: docs/diagnose-json.md.
/// </summary>
public sealed class JsonReportWriter : IRecordSink, IDisposable
{
    private readonly Utf8JsonWriter _json;
    private DateTime _lastTime;
    private string? _lastTimeText;

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
        _json.WriteNumber(N.Line, r.Line);
        if (r.LineCount > 1)
        {
            _json.WriteNumber(N.Lines, r.LineCount);
        }

        _json.WriteString(N.Kind, KindName(r.Kind));
        _json.WriteString(N.Cause, r.Verdict.Cause);
        WriteStatus(_json, N.Status, r.Verdict.Status);
        if (r.Time is { } time)
        {
            _json.WriteString(N.Time, TimeText(time));
        }

        if (record.IsNginx)
        {
            WriteNginx(t, r.Nginx);
        }
        else if (r.Kind != RecordKind.Unknown)
        {
            Write(N.Level, r.Companion.Level, t);
            Write(N.Subject, r.Companion.Subject, t);
            if (r.Companion.Pid > 0)
            {
                _json.WriteNumber(N.Pid, r.Companion.Pid);
            }

            Write(N.Message, r.Companion.Message, t);
        }
        else
        {
            _json.WriteString(N.Text, t.Length > 512 ? t[..512] : t);
        }

        if (r.Origin is not null)
        {
            _json.WriteString(N.Origin, r.Origin);
        }

        _json.WriteEndObject();
        if (_json.BytesPending > 64 * 1024)
        {
            _json.Flush();
        }
    }

    private void WriteNginx(ReadOnlySpan<char> t, in NginxLine n)
    {
        Write(N.Level, n.Level, t);
        if (n.Pid > 0)
        {
            _json.WriteNumber(N.Pid, n.Pid);
        }

        if (n.ConnectionId >= 0)
        {
            _json.WriteNumber(N.Cid, n.ConnectionId);
        }

        Write(N.Message, n.Message, t);
        if (n.ErrnoNumber >= 0)
        {
            _json.WriteNumber(N.Errno, n.ErrnoNumber);
            Write(N.ErrnoText, n.ErrnoText, t);
        }

        Write(N.Action, n.Action, t);
        Write(N.Client, n.Client, t);
        Write(N.Server, n.Server, t);
        Write(N.Request, n.Request, t);
        Write(N.Subrequest, n.Subrequest, t);
        Write(N.Upstream, n.Upstream, t);
        var target = UpstreamAddress.Target(t, n);
        if (!target.IsEmpty)
        {
            _json.WriteString(N.Target, target);
        }

        Write(N.Host, n.Host, t);
        Write(N.Referrer, n.Referrer, t);
        Write(N.Resolver, n.Resolver, t);
        if (n.Truncated)
        {
            _json.WriteBoolean(N.Truncated, true);
        }
    }

    private void Write(JsonEncodedText name, Segment segment, ReadOnlySpan<char> text)
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

    /// <summary>Records come in runs of the same second: the text of the last one is reused.</summary>
    private string TimeText(DateTime time)
    {
        if (time != _lastTime || _lastTimeText is null)
        {
            _lastTime = time;
            _lastTimeText = time.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        }

        return _lastTimeText;
    }

    private static void WriteStatus(Utf8JsonWriter json, JsonEncodedText name, int? status)
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
        RecordKind.Supervisor => "supervisor",
        RecordKind.Unicorn => "unicorn",
        _ => "unknown",
    };

    public void Dispose() => _json.Dispose();
}
