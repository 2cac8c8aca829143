using System.Runtime.CompilerServices;
using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Diagnostics.Parsing;
using Nginx502Bot.Diagnostics.Records;
using Nginx502Bot.Diagnostics.Remediation;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Findings;

/// <summary>
/// Groups upstream failures by target and cause, tracks retries across members of one request (<c>*cid</c> + request),
/// and at the end correlates companion records (backend crashes, OOM kills, worker timeouts, pool exhaustion) that fell
/// within <see cref="CorrelationSeconds"/> of a finding's records.
/// </summary>
public sealed class FindingAggregator : IRecordSink
{
    public const int CorrelationSeconds = 2;

    private readonly Dictionary<string, Dictionary<string, FindingState>> _byTarget = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, FindingState>> _companions = new(StringComparer.Ordinal);
    private readonly AttemptTable _attempts = new();

    /// <summary>Targets numbered so far (<see cref="FindingState.TargetKey"/>).</summary>
    private int _targets;

    /// <summary>
    /// Recently used nginx states by a hash of (target, cause), direct-mapped: a hit, verified by comparing the target and
    /// the cause, skips the two string-keyed dictionary look-ups (and their string hashing) of <see cref="State"/>.
    /// </summary>
    private readonly FindingState?[] _recent = new FindingState?[RecentSlots];

    private const int RecentSlots = 256;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(in RecordView view)
    {
        var cause = view.Record.Verdict.Cause;
        if (!Causes.IsUpstreamFailure(cause))
        {
            return;
        }

        if (!view.IsNginx)
        {
            State(_companions, view.Record.Companion.Subject.Of(view.Text), cause, default, in view.Record.Nginx, companion: true).Add(view);
            return;
        }

        var target = view.Target;
        ref var recent = ref _recent[SpanHash.Of(target, RuntimeHelpers.GetHashCode(cause)) & (RecentSlots - 1)];
        var state = recent is not null && ReferenceEquals(recent.Cause, cause) && target.SequenceEqual(recent.Target)
            ? recent
            : recent = State(_byTarget, target, cause, view.Text, in view.Record.Nginx);
        var repeat = TrackAttempt(view, state);
        state.Add(view, countStatus: !repeat);
    }

    void IRecordSink.OnRecord(in RecordView record) => Add(record);

    /// <summary>Folds in an aggregator that saw a later chunk of the same input (parallel analysis).</summary>
    public void Merge(FindingAggregator later)
    {
        MergeInto(_byTarget, later._byTarget);
        MergeInto(_companions, later._companions);
    }

    private void MergeInto(Dictionary<string, Dictionary<string, FindingState>> into, Dictionary<string, Dictionary<string, FindingState>> from)
    {
        foreach (var (target, byCause) in from)
        {
            if (!into.TryGetValue(target, out var mine))
            {
                // The later aggregator numbered its targets itself: renumber them in this one.
                var key = _targets++;
                foreach (var state in byCause.Values)
                {
                    state.TargetKey = key;
                }

                into[target] = byCause;
                continue;
            }

            var mineKey = mine.Values.First().TargetKey;
            foreach (var (cause, state) in byCause)
            {
                if (mine.TryGetValue(cause, out var existing))
                {
                    existing.Merge(state);
                }
                else
                {
                    state.TargetKey = mineKey;
                    mine[cause] = state;
                }
            }
        }
    }

    /// <summary>Moves every kept record's line number by <paramref name="lines"/> (see <see cref="ParallelFileAnalysis"/>).</summary>
    public void ShiftLines(int lines)
    {
        foreach (var state in _byTarget.Values.Concat(_companions.Values).SelectMany(d => d.Values))
        {
            state.ShiftLines(lines);
        }
    }

    public IReadOnlyList<Finding> Build()
    {
        var nginx = _byTarget.Values.SelectMany(d => d.Values).ToList();
        var companions = _companions.Values.SelectMany(d => d.Values).ToList();
        var used = new HashSet<FindingState>();
        var findings = new List<Finding>();
        foreach (var state in nginx)
        {
            var related = companions.Where(c => Correlated(state, c)).ToList();
            related.AddRange(nginx.Where(o => o != state && o.Cause == Causes.PhpFatal && o.ConnectionIds.Overlaps(state.ConnectionIds)));
            used.UnionWith(related);
            findings.Add(FindingExplainer.Explain(state, RootCauseFrom(state.Cause, related), related));
        }

        findings.AddRange(companions.Where(c => !used.Contains(c)).Select(c => FindingExplainer.Explain(c, c.Cause, [])));
        return [.. findings.OrderByDescending(f => f.Count).ThenBy(f => f.FirstSeen)];
    }

    /// <summary>causes.md §2: which companion evidence refines which line-level cause, most specific first.</summary>
    private static string RootCauseFrom(string cause, List<FindingState> related)
    {
        bool Has(string c) => related.Any(r => r.Cause == c);
        return cause switch
        {
            Causes.PrematureClose or Causes.ConnectionReset when Has(Causes.OomKilled) => RootCauses.OomKilled,
            Causes.PrematureClose or Causes.ConnectionReset when Has(Causes.AppWorkerTimeout) => RootCauses.AppWorkerTimeout,
            Causes.PrematureClose or Causes.ConnectionReset when Has(Causes.AppCrash) => RootCauses.AppCrash,
            Causes.PrematureClose when Has(Causes.PhpFatal) => RootCauses.PhpFatal,
            Causes.ListenBacklogFull or Causes.UpstreamTimeoutRead when Has(Causes.FpmPoolExhausted) => RootCauses.FpmPoolExhausted,
            _ => cause,
        };
    }

    private static bool Correlated(FindingState nginx, FindingState companion) =>
        Refinable(nginx.Cause, companion.Cause) && companion.Seconds.Within(nginx.Seconds, CorrelationSeconds);

    private static bool Refinable(string nginxCause, string companionCause) => nginxCause switch
    {
        Causes.PrematureClose or Causes.ConnectionReset => companionCause is Causes.OomKilled or Causes.AppCrash
            or Causes.AppWorkerTimeout or Causes.PhpFatal,
        Causes.ListenBacklogFull or Causes.UpstreamTimeoutRead => companionCause is Causes.FpmPoolExhausted or Causes.AppWorkerTimeout,
        Causes.UpstreamDown or Causes.UnixSocketMissing => companionCause is Causes.OomKilled or Causes.AppCrash,
        _ => false,
    };

    /// <summary>
    /// Tracks the request's attempts for retries. True when the record is the gRPC module's summary line of a header error
    /// it has just logged for the same attempt: ngx_http_grpc_process_header writes the bare "upstream sent invalid header"
    /// after the parser's own line ("upstream sent invalid http2 table index: 62", ...), so one request has two records.
    /// Only the summary line after a record of the same request on the same target counts as a repeat, so a summary line
    /// alone keeps its status, and so does each request sent again on a keep-alive connection (its own parser line first).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TrackAttempt(in RecordView view, FindingState state)
    {
        ref readonly var n = ref view.Record.Nginx;
        if (n.ConnectionId < 0 || !n.Request.IsPresent || view.Record.Verdict.Status is not (502 or 504))
        {
            return false;
        }

        var cid = n.ConnectionId;
        var request = SpanHash.Of(n.Request.Of(view.Text));
        int previous;
        if (_attempts.Count >= AttemptTable.Capacity)
        {
            previous = _attempts.Get(cid, request);
            _attempts.Clear();
            _attempts.Exchange(cid, request, state.TargetKey);
        }
        else
        {
            previous = _attempts.Exchange(cid, request, state.TargetKey);
        }

        CountRetry(state, previous);
        return previous == state.TargetKey && n.Message.Of(view.Text).SequenceEqual(GrpcHeaderErrorSummary);
    }

    private const string GrpcHeaderErrorSummary = "upstream sent invalid header";

    /// <summary>A request seen failing on another target before counts as retried (targets are equal when their keys are).</summary>
    private static void CountRetry(FindingState state, int previousTarget)
    {
        if (previousTarget >= 0 && previousTarget != state.TargetKey)
        {
            state.RetriedRequests++;
        }
    }

    /// <summary>The state for (target, cause); the scheme is worked out only for a new one.</summary>
    private FindingState State(Dictionary<string, Dictionary<string, FindingState>> map, ReadOnlySpan<char> target, string cause,
        ReadOnlySpan<char> text, scoped in NginxLine line, bool companion = false)
    {
        var lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(target, out var byCause))
        {
            byCause = new Dictionary<string, FindingState>(StringComparer.Ordinal);
            map[new string(target)] = byCause;
        }

        if (!byCause.TryGetValue(cause, out var state))
        {
            var scheme = companion ? default : UpstreamAddress.Scheme(text, line);
            state = new FindingState(cause, new string(target), scheme.IsEmpty ? null : new string(scheme))
            {
                TargetKey = byCause.Count > 0 ? byCause.Values.First().TargetKey : _targets++,
            };
            byCause[cause] = state;
        }

        return state;
    }
}
