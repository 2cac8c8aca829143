using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Diagnostics.Classification;
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
    private const int FlushBytes = 64 * 1024;

    private readonly Stream _output;
    private readonly Utf8JsonWriter _json;

    /// <summary>Records are formatted here rather than by <see cref="_json"/>: same bytes, a fraction of the cost.</summary>
    private readonly JsonBytes _records = new(FlushBytes + 8192);
    private readonly JsonFragments _fragments = new();
    private bool _anyRecord;
    private DateTime _lastTime;
    private byte[] _lastTimeText = [];

    /// <summary>The inputs' names when there are several (each record then says which it came from), else null.</summary>
    private readonly IReadOnlyList<string>? _inputs;

    public JsonReportWriter(Stream output, IReadOnlyList<string>? inputs = null)
    {
        _output = output;
        _inputs = inputs;
        _json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false, SkipValidation = true });
        _json.WriteStartObject();
        _json.WriteStartArray("records");
        _json.Flush();
    }

    public void OnRecord(in RecordView record)
    {
        ref readonly var r = ref record.Record;
        var t = record.Text;
        var o = _records;
        if (_anyRecord)
        {
            o.Punctuation((byte)',');
        }

        _anyRecord = true;
        o.Raw(N.Line);
        o.Number(r.Line);
        if (r.LineCount > 1)
        {
            o.Raw(N.Lines);
            o.Number(r.LineCount);
        }

        if (_inputs is not null)
        {
            o.Raw(N.Input);
            o.Quoted(_inputs[r.Input]);
        }

        WriteVerdict(r.Kind, r.Verdict);
        if (r.Time is { } time)
        {
            o.Raw(N.Time);
            o.Raw(TimeText(time));
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
                o.Raw(N.Pid);
                o.Number(r.Companion.Pid);
            }

            Write(N.Message, r.Companion.Message, t);
        }
        else
        {
            o.Raw(N.Text);
            o.Quoted(t.Length > 512 ? t[..512] : t);
        }

        if (r.Origin is not null)
        {
            o.Raw(N.Origin);
            o.Quoted(r.Origin);
        }

        o.Punctuation((byte)'}');
        if (o.Length > FlushBytes)
        {
            FlushRecords();
        }
    }

    private void FlushRecords()
    {
        _output.Write(_records.Written);
        _records.Clear();
    }

    private void WriteNginx(ReadOnlySpan<char> t, in NginxLine n)
    {
        var o = _records;
        Write(N.Level, n.Level, t);
        if (n.Pid > 0)
        {
            o.Raw(N.Pid);
            o.Number(n.Pid);
        }

        if (n.ConnectionId >= 0)
        {
            o.Raw(N.Cid);
            o.Number(n.ConnectionId);
        }

        WriteHead(t, n);
        Write(N.Client, n.Client, t);
        Write(N.Server, n.Server, t);
        Write(N.Request, n.Request, t);
        Write(N.Subrequest, n.Subrequest, t);
        Write(N.Upstream, n.Upstream, t);
        var target = UpstreamAddress.Target(t, n);
        if (!target.IsEmpty)
        {
            o.Raw(N.Target);
            o.Quoted(target);
        }

        Write(N.Host, n.Host, t);
        Write(N.Referrer, n.Referrer, t);
        Write(N.Resolver, n.Resolver, t);
        if (n.Truncated)
        {
            o.Raw(N.Truncated);
        }
    }

    /// <summary><c>"kind":…,"cause":…,"status":…</c>, copied when the same kind, cause and status came before.</summary>
    private void WriteVerdict(RecordKind kind, Verdict verdict)
    {
        var o = _records;
        var number = ((int)kind << 16) | ((verdict.Status ?? -1) & 0xFFFF);
        var hash = RuntimeHelpers.GetHashCode(verdict.Cause);
        if (_fragments.Find(verdict.Cause, hash, number) is { } known)
        {
            o.Raw(known);
            return;
        }

        var start = o.Length;
        o.Raw(N.Kind);
        o.Quoted(KindName(kind));
        o.Raw(N.Cause);
        o.Quoted(verdict.Cause);
        o.Raw(N.Status);
        WriteStatus(o, verdict.Status);
        _fragments.Keep(verdict.Cause, hash, number, o.Written[start..]);
    }

    /// <summary>
    /// Message, errno and action: the record's head. A head the parser shared (<see cref="NginxLine.Head"/>) is the
    /// same text every time, so its JSON is written once and copied after.
    /// </summary>
    private void WriteHead(ReadOnlySpan<char> t, in NginxLine n)
    {
        var o = _records;
        if (n.Head is { } head && _fragments.Find(head, head.Id, HeadNumber) is { } known)
        {
            o.Raw(known);
            return;
        }

        var start = o.Length;
        Write(N.Message, n.Message, t);
        if (n.ErrnoNumber >= 0)
        {
            // 0: a quote that kept the errno's text and dropped its number (nginx never writes a group for errno 0).
            if (n.ErrnoNumber > 0)
            {
                o.Raw(N.Errno);
                o.Number(n.ErrnoNumber);
            }

            Write(N.ErrnoText, n.ErrnoText, t);
        }

        Write(N.Action, n.Action, t);
        if (n.Head is not null)
        {
            _fragments.Keep(n.Head, n.Head.Id, HeadNumber, o.Written[start..]);
        }
    }

    /// <summary>The number heads are kept under: no verdict's (kind and status) is negative.</summary>
    private const int HeadNumber = -1;

    private void Write(ReadOnlySpan<byte> name, Segment segment, ReadOnlySpan<char> text)
    {
        if (segment.IsPresent)
        {
            _records.Raw(name);
            _records.Quoted(segment.Of(text));
        }
    }

    /// <summary>Closes the records array and writes findings and the summary.</summary>
    public void Finish(IReadOnlyList<Finding> findings, long records, long failures)
    {
        FlushRecords();
        _json.WriteEndArray();
        _json.WriteStartArray("findings");
        foreach (var f in findings)
        {
            FindingJson.Write(_json, f, _inputs);
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
    private byte[] TimeText(DateTime time)
    {
        if (time != _lastTime || _lastTimeText.Length == 0)
        {
            _lastTime = time;
            _lastTimeText = Encoding.ASCII.GetBytes("\"" + time.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + "\"");
        }

        return _lastTimeText;
    }

    private static void WriteStatus(JsonBytes o, int? status)
    {
        if (status is null)
        {
            o.Raw("null"u8);
        }
        else if (status == ClientStatus.Http09)
        {
            o.Raw("\"009\""u8);
        }
        else
        {
            o.Number(status.Value);
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
        RecordKind.NginxMail => "nginx_mail",
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

    public void Dispose()
    {
        // As the writer it replaces did: what was formatted reaches the output even when the run stops early.
        FlushRecords();
        _records.Dispose();
        _json.Dispose();
    }
}
