using Nginx502Bot.Diagnostics.Classification;
using Nginx502Bot.Diagnostics.Findings;
using Nginx502Bot.Diagnostics.Parsing;
using Nginx502Bot.Diagnostics.Records;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Analysis;

/// <summary>
/// Streams physical lines into records, classifies them, hands each to a sink and to the finding aggregator.
/// Memory is bounded whatever the input: one pending record, one held record and the aggregator's capped state.
/// </summary>
public sealed class LogAnalyzer
{
    /// <summary>Longest record kept whole (nginx writes at most 2048 bytes; the rest of a longer paste is dropped).</summary>
    public const int MaxRecordChars = 16 * 1024;

    private readonly IRecordSink? _sink;
    private FindingAggregator? _aggregator;
    private readonly int _defaultYear;
    private readonly Dictionary<string, string> _origins = new(StringComparer.Ordinal);
    private char[] _scratch = new char[4096];
    private readonly RecordBuffer _pending = new();
    private readonly RecordBuffer _held = new();
    private int _lineNumber;

    /// <param name="defaultYear">Year for timestamps that carry none (syslog).</param>
    /// <param name="sink">Receives every record in order, or null.</param>
    /// <param name="aggregator">Where findings accumulate; several analyzers may share one only if they run one after another.</param>
    /// <param name="firstLineNumber">Number of the first line fed, when the input is a chunk of a larger file.</param>
    public LogAnalyzer(int defaultYear, IRecordSink? sink = null, FindingAggregator? aggregator = null, int firstLineNumber = 1)
    {
        _lineNumber = firstLineNumber - 1;
        _defaultYear = defaultYear;
        _sink = sink;
        _aggregator = aggregator ?? new FindingAggregator();
    }

    /// <summary>
    /// An analyzer that only hands records to <paramref name="sink"/>: the caller aggregates them, e.g. with a
    /// <see cref="FindingAggregator"/> behind a <see cref="BackgroundRecordSink"/>, on another core.
    /// </summary>
    public static LogAnalyzer WithoutAggregator(int defaultYear, IRecordSink sink, int input = 0) =>
        new(defaultYear, sink) { _aggregator = null, Input = input };

    /// <summary>Which of several inputs this analyzer reads (<see cref="LogRecord.Input"/>): its records carry the number.</summary>
    public int Input { get; init; }

    /// <summary>Physical lines fed so far.</summary>
    public int LinesRead { get; private set; }

    public long RecordCount { get; private set; }
    public long UpstreamFailureCount { get; private set; }

    /// <summary>Feeds one physical line without its line terminator.</summary>
    public void AddLine(ReadOnlySpan<char> physical)
    {
        _lineNumber++;
        LinesRead++;
        if (physical.Length > MaxRecordChars)
        {
            physical = physical[..MaxRecordChars];
        }

        if (_scratch.Length < physical.Length)
        {
            _scratch = new char[Math.Max(physical.Length, _scratch.Length * 2)];
        }

        var content = LineUnwrapper.Unwrap(physical, _scratch, _defaultYear, out var envelope);
        if (content.IsWhiteSpace())
        {
            return;
        }

        if (_pending.HasRecord && IsContinuation(content, envelope))
        {
            _pending.Append(content);
            return;
        }

        // A pasted nginx record wrapped by a terminal or a blog: rejoined with the space the wrap took away. The record-start
        // test comes first so that plain error logs, where every line starts a record, pay nothing more.
        if (_pending.HasRecord && !NginxLineParser.LooksLikeRecordStart(content) && envelope.Time is null && !_pending.OpenFastcgi)
        {
            if (WrappedPaste.Continues(_pending.Text, content))
            {
                _pending.Append(content, ' ');
                return;
            }

            // Code that split the record over implicitly concatenated literals: the next one's text, without the quotes.
            var literal = WrappedPaste.LiteralContinuation(_pending.Text, content);
            if (literal > 0)
            {
                _pending.DropClosingQuote();
                _pending.Append(content[literal..], ' ');
                return;
            }
        }

        // A time stamp alone on the line above its record ("2026/06/13 14:01:43" / "[error] 27#27: *7 connect() failed ..."):
        // the writer broke the record after its time. Looked at only for a line that starts at its level (a plain log
        // line starts with its time, so it pays one character test), and only when what is pending is that time alone.
        if (content[0] == '[' && _pending.HasRecord && WrappedPaste.IsTimeAlone(_pending.Text) && NginxLineParser.StartsWithLevel(content))
        {
            _pending.JoinAfterTime(content);
            return;
        }

        FlushPending();
        _pending.Start(_lineNumber, content, envelope.Time, Origin(physical, envelope));
    }

    /// <summary>Flushes what is pending. Call once at the end of input.</summary>
    public void Complete()
    {
        FlushPending();
        EmitHeld();
    }

    public IReadOnlyList<Finding> BuildFindings() => Aggregator.Build();

    public FindingAggregator Aggregator => _aggregator ?? throw new InvalidOperationException("this analyzer hands records to its sink only");

    /// <summary>A FastCGI stderr record that has not reached its <c>, client:</c> suffix continues on the next line.</summary>
    private bool IsContinuation(ReadOnlySpan<char> content, in Envelope envelope)
    {
        if (_pending.Length + content.Length >= MaxRecordChars || NginxLineParser.LooksLikeRecordStart(content) || envelope.Time is not null)
        {
            return false;
        }

        if (_pending.OpenFastcgi)
        {
            return !StartsWithBracketedStamp(content) && !StartsOwnRecord(content);
        }

        // Python tracebacks under a gunicorn record: the traceback's own lines, indented, once it has begun.
        return _pending.Kind == RecordKind.Gunicorn
            && (content.StartsWith("Traceback ", StringComparison.Ordinal)
                || (content[0] is ' ' or '\t' && _pending.Text.Contains("\nTraceback ", StringComparison.Ordinal)));
    }

    /// <summary>
    /// A time stamp in brackets opens the line (<c>[21-Mar-2023 20:12:44] ERROR: ...</c>, PHP-FPM's and PHP's own logs,
    /// gunicorn's): PHP's stderr text never goes on with one. A writer's Markdown emphasis mark may stand before it
    /// (<c>_[21-Mar-2023 20:12:44] ...</c>, an italic paste).
    /// </summary>
    private static bool StartsWithBracketedStamp(ReadOnlySpan<char> content)
    {
        var at = content.Length > 2 && content[0] is '_' or '*' ? 1 : 0;
        return content.Length > at + 1 && content[at] == '[' && char.IsAsciiDigit(content[at + 1]);
    }

    /// <summary>
    /// What PHP writes on stderr never starts with a message nginx writes (quoted or not, or behind its connection number),
    /// is never nginx's own start-up output nor a whole record of another log, and never holds an nginx record's head
    /// (time, or level and pid) or another FastCGI quote: such a line is the next record of a paste, after a stderr text
    /// the writer cut.
    /// </summary>
    private static bool StartsOwnRecord(ReadOnlySpan<char> content)
    {
        // PHP's own shapes first, the lines a real stderr text goes on with: its messages, a stack trace and its frames.
        var c = content.TrimStart(' ');
        if (c.StartsWith("PHP ", StringComparison.Ordinal) || c.StartsWith("Stack trace:", StringComparison.Ordinal)
            || c.StartsWith("thrown in ", StringComparison.Ordinal) || (c.Length > 1 && c[0] == '#' && char.IsAsciiDigit(c[1])))
        {
            return false;
        }

        // A known message counts only with an action of nginx's after it: an app's text may start with the same words
        // (Envoy's "upstream connect error or disconnect/reset before headers" in a PHP client's exception).
        var message = c.TrimStart('"');
        if (NginxLineParser.HoldsRecordHead(c) || (NginxLineParser.StartsWithOwnMessage(message) && NginxActions.NamedIn(message))
            || NginxLineParser.StartsWithCountedMessage(c) || NginxLineParser.RecordStartWithin(c, 64) >= 0
            || c.Contains(WrappedPaste.FastcgiStderrQuote, StringComparison.Ordinal))
        {
            return true;
        }

        // Indented text and comments are what a real stderr text goes on with too: the other logs' parsers are asked only
        // about the rest.
        if (c.Length < content.Length || (c.Length > 0 && c[0] is '#' or '\t'))
        {
            return false;
        }

        return WrappedPaste.IsStartupOutput(c) || WrappedPaste.IsOtherLogRecord(c);
    }

    private string? Origin(ReadOnlySpan<char> physical, in Envelope envelope)
    {
        if (!envelope.Origin.IsPresent)
        {
            return null;
        }

        var span = envelope.Origin.Of(physical);
        var lookup = _origins.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(span, out var known))
        {
            return known;
        }

        var s = new string(span);
        if (_origins.Count < 1024)
        {
            _origins[s] = s;
        }

        return s;
    }

    private void FlushPending()
    {
        if (!_pending.HasRecord)
        {
            return;
        }

        // Classified in place: the record struct is large, and copying it per record shows in profiles.
        ref var record = ref _pending.Record;
        Classify(_pending, ref record);
        record.Input = Input;
        _pending.Clear();
        var text = _pending.LastText;

        // A PHP fatal on stderr is followed, for the same request, by what decided the status (500 from PHP, or a 502 when
        // the worker died): hold it for one record to see.
        if (_held.HasRecord)
        {
            if (record.Kind == RecordKind.NginxHttp && record.Nginx.ConnectionId == _held.Record.Nginx.ConnectionId
                && record.Verdict.Status == 502)
            {
                _held.Record.Verdict = _held.Record.Verdict with { Status = 502 };
            }

            EmitHeld();
        }

        if (record.Verdict.Cause == Causes.PhpFatal && record.Kind == RecordKind.NginxHttp && record.Nginx.ConnectionId >= 0)
        {
            _held.Hold(text, in record);
            return;
        }

        Emit(text, in record);
    }

    private void EmitHeld()
    {
        if (_held.HasRecord)
        {
            Emit(_held.Text, in _held.Record);
            _held.Clear();
        }
    }

    private void Emit(ReadOnlySpan<char> text, in ClassifiedRecord record)
    {
        RecordCount++;
        if (Causes.IsUpstreamFailure(record.Verdict.Cause))
        {
            UpstreamFailureCount++;
        }

        var view = new RecordView(text, in record);
        _sink?.OnRecord(view);
        _aggregator?.Add(view);
    }

    private static void Classify(RecordBuffer pending, ref ClassifiedRecord record)
    {
        var text = pending.Text;

        // Field by field rather than a new record copied in: the record lives in the buffer on the heap, where a whole
        // struct with references is copied under the GC's write barrier.
        record.Line = pending.Line;
        record.LineCount = pending.LineCount;
        record.Time = pending.EnvelopeTime;
        record.Origin = pending.Origin;
        record.Kind = default;
        record.Verdict = default;
        record.Companion = default;

        // PHP-FPM and PHP write "[21-Nov-2026 10:00:00] ...", which no nginx record starts with: they try the companion
        // parsers first, since nginx's loose parse (a record quoted somewhere in prose) would search the whole line.
        var stamped = StartsWithDayMonthStamp(text);
        if (!stamped && NginxLineParser.TryParse(text, out record.Nginx))
        {
            ClassifyNginx(text, pending, ref record);
            return;
        }

        // A failed nginx parse may have filled some fields: other kinds keep the default, as before.
        record.Nginx = default;
        if (CompanionLineParser.TryParse(text, out var companion) || AccessLineParser.TryParse(text, out companion))
        {
            record.Companion = companion;
            record.Kind = companion.Kind;
            record.Time = companion.Time ?? pending.EnvelopeTime;
            record.Verdict = new Verdict(companion.Cause, companion.Status);
        }
        else if (stamped && NginxLineParser.TryParse(text, out record.Nginx))
        {
            ClassifyNginx(text, pending, ref record);
        }
        else
        {
            record.Nginx = default;
            record.Kind = RecordKind.Unknown;
            record.Companion = new CompanionLine { Pid = -1, Level = Segment.None, Subject = Segment.None, Message = Segment.None };
            record.Verdict = new Verdict(Causes.NotAnUpstreamError, null);
        }
    }

    private static void ClassifyNginx(ReadOnlySpan<char> text, RecordBuffer pending, ref ClassifiedRecord record)
    {
        ref readonly var nginx = ref record.Nginx;
        record.Time = nginx.Time == default ? pending.EnvelopeTime : nginx.Time;
        record.Kind = nginx.IsStream ? RecordKind.NginxStream : nginx.IsMail ? RecordKind.NginxMail : nginx.HasRequestContext ? RecordKind.NginxHttp : RecordKind.NginxCore;
        record.Verdict = MemoisedClassifier.Classify(text, nginx);
    }

    /// <summary><c>[DD-</c>: the start of PHP-FPM's and PHP's own time stamp.</summary>
    private static bool StartsWithDayMonthStamp(ReadOnlySpan<char> text) =>
        text.Length > 4 && text[0] == '[' && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2]) && text[3] == '-';
}
