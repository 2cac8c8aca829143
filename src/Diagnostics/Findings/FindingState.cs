using Nginx502Bot.Diagnostics.Records;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Findings;

/// <summary>What the aggregator keeps per (cause, target): counts and capped samples, never every record.</summary>
public sealed class FindingState
{
    public const int MaxEvidence = 4;
    public const int MaxSeconds = 100_000;

    public FindingState(string cause, string target, string? scheme)
    {
        Cause = cause;
        Target = target;
        Scheme = scheme;
        _tracksConnections = cause is Causes.PhpFatal or Causes.PrematureClose;
    }

    private readonly bool _tracksConnections;

    /// <summary>
    /// The recent record kept for <see cref="LastRecord"/>, as a copy of its text and parse: turned into a
    /// <see cref="LogRecord"/> only when asked, so the hot path allocates nothing.
    /// </summary>
    private char[] _lastText = [];
    private int _lastTextLength;
    private ClassifiedRecord _lastParse;
    private bool _lastPending;
    private LogRecord? _lastRecord;

    /// <summary>The recent record was chosen by its connection number (see <see cref="Add"/>), not as a fallback.</summary>
    private bool _lastSampled;

    public string Cause { get; }
    public string Target { get; }

    /// <summary>The number its aggregator gave <see cref="Target"/>: retry tracking stores it instead of the state.</summary>
    internal int TargetKey { get; set; }
    public string? Scheme { get; }
    public int Count { get; private set; }
    public DateTime? First { get; private set; }
    public DateTime? Last { get; private set; }
    public CappedSet Servers { get; } = new(20);
    public CappedSet Hosts { get; } = new(10);
    public CappedSet Paths { get; } = new(20);
    /// <summary>
    /// Records per client status (-1 for none), in the order the statuses were first met. A finding sees a handful of
    /// statuses, so a short list searched from the front costs less per record than a dictionary.
    /// </summary>
    private (int Status, int Count)[] _statusCounts = new (int, int)[4];
    private int _statusKinds;

    /// <summary>
    /// The key under <see cref="Statuses"/> of records whose request nginx then tried on another member: the client got
    /// the later attempt's status, which that attempt's finding counts (nginx-502-messages.md §0.3).
    /// </summary>
    public const string Retried = "retried";

    private const int RetriedStatus = -2;

    /// <summary>Records per status as operators read them: "502", "009", "-", and <see cref="Retried"/>.</summary>
    public Dictionary<string, int> Statuses
    {
        get
        {
            // A loop, not LINQ over the pairs: value-type instantiations cost the NativeAOT agent size and memory.
            var statuses = new Dictionary<string, int>(_statusKinds, StringComparer.Ordinal);
            foreach (var (status, count) in _statusCounts.AsSpan(0, _statusKinds))
            {
                if (count > 0)
                {
                    statuses[status == RetriedStatus ? Retried : ClientStatus.Format(status < 0 ? null : status)] = count;
                }
            }

            return statuses;
        }
    }

    /// <summary>The number its aggregator gave this state: the attempt table stores it with the status it counted.</summary>
    internal int StateKey { get; set; }
    public List<LogRecord> Evidence { get; } = [];
    public LogRecord? LastRecord
    {
        get
        {
            if (_lastPending)
            {
                _lastRecord = new RecordView(_lastText.AsSpan(0, _lastTextLength), in _lastParse).ToLogRecord();
                _lastPending = false;
            }

            return _lastRecord;
        }
    }
    public int RetriedRequests { get; set; }

    private long _lastSecond = long.MinValue;

    /// <summary>Seconds (ticks / 1e7) in which records fell, to correlate companion records by time.</summary>
    public NumberSet Seconds { get; } = new();

    /// <summary>
    /// Client connection ids seen, to correlate FastCGI stderr with the close of the same request: each with its input
    /// (<see cref="ConnectionKey"/>), since two hosts' logs number their connections each on their own.
    /// </summary>
    public NumberSet ConnectionIds { get; } = new();

    /// <summary>A connection id within its input: the input's number above the 40 bits nginx's counter fills in practice.</summary>
    private static long ConnectionKey(int input, long connectionId) => ((long)input << 40) | connectionId;

    /// <summary>Folds in the state of the same (cause, target) from a later chunk of the same input.</summary>
    public void Merge(FindingState later)
    {
        Count += later.Count;
        First = Min(First, later.First);
        Last = Max(Last, later.Last);
        Servers.UnionWith(later.Servers);
        Hosts.UnionWith(later.Hosts);
        Paths.UnionWith(later.Paths);
        foreach (var (status, count) in later._statusCounts.AsSpan(0, later._statusKinds))
        {
            CountStatus(status, count);
        }

        var taken = Math.Min(later.Evidence.Count, MaxEvidence - 1 - Evidence.Count);
        Evidence.AddRange(later.Evidence.Take(taken));

        // As one pass would choose: the last sampled record; without one, the first record after the evidence.
        var mine = LastRecord;
        (_lastRecord, _lastSampled) = later._lastSampled ? (later.LastRecord, true)
            : _lastSampled || mine is not null ? (mine, _lastSampled)
            : (later.Evidence.Skip(taken).FirstOrDefault() ?? later.LastRecord, false);
        _lastPending = false;
        RetriedRequests += later.RetriedRequests;
        Seconds.UnionWith(later.Seconds, MaxSeconds);
        ConnectionIds.UnionWith(later.ConnectionIds, MaxSeconds);
    }

    /// <summary>
    /// Moves the line numbers of the kept records by <paramref name="lines"/>: a chunk analysed on its own numbers its
    /// lines from 1, and learns how many lines came before it only when the chunks before it are done.
    /// </summary>
    internal void ShiftLines(int lines)
    {
        for (var i = 0; i < Evidence.Count; i++)
        {
            Evidence[i] = Evidence[i] with { Line = Evidence[i].Line + lines };
        }

        _lastParse.Line += lines;
        if (_lastRecord is not null)
        {
            _lastRecord = _lastRecord with { Line = _lastRecord.Line + lines };
        }
    }

    private static DateTime? Min(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTime? Max(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;

    /// <summary>
    /// Folds in a record. <paramref name="countStatus"/> is false for a line that repeats, for the same attempt, a failure
    /// another record already stated (see <see cref="FindingAggregator"/>): the record counts, its status does not.
    /// </summary>
    public void Add(in RecordView view, bool countStatus = true)
    {
        Count++;
        ref readonly var r = ref view.Record;
        if (r.Time is { } t)
        {
            First = First is null || t < First ? t : First;
            Last = Last is null || t > Last ? t : Last;
            var second = t.Ticks / TimeSpan.TicksPerSecond;
            if (second != _lastSecond && Seconds.Count < MaxSeconds)
            {
                Seconds.Add(second);
                _lastSecond = second;
            }
        }

        if (view.IsNginx)
        {
            ref readonly var n = ref r.Nginx;
            Servers.Add(n.Server.Of(view.Text));
            Hosts.Add(n.Host.Of(view.Text));
            Paths.Add(UpstreamAddress.Path(n.Request.Of(view.Text)));
            if (n.ConnectionId >= 0 && _tracksConnections && ConnectionIds.Count < MaxSeconds)
            {
                ConnectionIds.Add(ConnectionKey(r.Input, n.ConnectionId));
            }
        }

        if (countStatus)
        {
            CountStatus(r.Verdict.Status ?? -1, 1);
        }

        // A recent record is kept without materialising every record: the last one whose connection number is a multiple
        // of 64, or, in a finding without one, the first record after the evidence. Neither choice depends on where a
        // parallel analysis cut the file (see Merge), so the report is the same whatever the cuts.
        var sampled = view.IsNginx && r.Nginx.ConnectionId >= 0 && r.Nginx.ConnectionId % 64 == 0;
        if (Evidence.Count < MaxEvidence - 1)
        {
            Evidence.Add(view.ToLogRecord());
            if (sampled)
            {
                KeepLast(view, sampled);
            }
        }
        else if (sampled || (!_lastPending && _lastRecord is null))
        {
            KeepLast(view, sampled);
        }
    }

    /// <summary>
    /// A record of this finding counted <paramref name="status"/> for a request that nginx then tried on another member:
    /// the client did not see it, so it moves to <see cref="Retried"/>.
    /// </summary>
    internal void MoveToRetried(int status)
    {
        CountStatus(status, -1);
        CountStatus(RetriedStatus, 1);
    }

    /// <summary>A record of this finding counted <paramref name="status"/> that a later record of the same attempt counts.</summary>
    internal void Uncount(int status) => CountStatus(status, -1);

    private void CountStatus(int status, int count)
    {
        for (var i = 0; i < _statusKinds; i++)
        {
            if (_statusCounts[i].Status == status)
            {
                _statusCounts[i].Count += count;
                return;
            }
        }

        if (_statusKinds == _statusCounts.Length)
        {
            Array.Resize(ref _statusCounts, _statusKinds * 2);
        }

        _statusCounts[_statusKinds++] = (status, count);
    }

    private void KeepLast(in RecordView view, bool sampled)
    {
        _lastSampled = sampled;
        if (_lastText.Length < view.Text.Length)
        {
            _lastText = new char[Math.Max(view.Text.Length, 256)];
        }

        view.Text.CopyTo(_lastText);
        _lastTextLength = view.Text.Length;
        _lastParse = view.Record;
        _lastPending = true;
        _lastRecord = null;
    }
}
