using System.Runtime.CompilerServices;
using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Diagnostics.Parsing;
using Nginx502Bot.Diagnostics.Records;
using Nginx502Bot.Diagnostics.Remediation;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Findings;

/// <summary>
/// Groups upstream failures by target and cause, tracks retries across members of one request (<c>*cid</c> + request:
/// the client gets the last attempt's status, so an earlier attempt's status moves to <see cref="FindingState.Retried"/>),
/// and at the end correlates companion records (backend crashes, OOM kills, worker timeouts, pool exhaustion) that fell
/// within <see cref="CorrelationSeconds"/> of a finding's records.
/// </summary>
public sealed class FindingAggregator : IRecordSink
{
    public const int CorrelationSeconds = 2;

    private readonly Dictionary<string, Dictionary<string, FindingState>> _byTarget = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, FindingState>> _companions = new(StringComparer.Ordinal);
    private readonly AttemptTable _attempts = new();

    /// <summary>The nginx states by <see cref="FindingState.StateKey"/>: what an attempt in the table points at.</summary>
    private readonly List<FindingState> _states = [];

    /// <summary>
    /// The first attempt of each request this aggregator met, as long as its table was never cleared (at most
    /// <see cref="AttemptTable.Capacity"/>): what <see cref="Merge"/> links to an earlier chunk's attempts.
    /// </summary>
    private readonly List<(long Cid, int Request, int Attempt)> _openers = [];
    private bool _attemptsCleared;

    /// <summary>Targets numbered so far (<see cref="FindingState.TargetKey"/>).</summary>
    private int _targets;

    /// <summary>
    /// Recently used nginx states by a hash of (target, cause), direct-mapped: a hit, verified by comparing the target and
    /// the cause, skips the two string-keyed dictionary look-ups (and their string hashing) of <see cref="State"/>.
    /// </summary>
    private readonly FindingState?[] _recent = new FindingState?[RecentSlots];

    private const int RecentSlots = 256;

    /// <summary>
    /// The input (<see cref="LogRecord.Input"/>) whose records are being added. Connection numbers count per nginx (one host's
    /// log, another's), so a request's attempts are linked within one input only. -1 before the first record.
    /// </summary>
    private int _input = -1;

    /// <summary>True until an upstream failure or a companion record was added or merged in.</summary>
    public bool IsEmpty => _states.Count == 0 && _companions.Count == 0;

    public void Add(in RecordView view)
    {
        var cause = view.Record.Verdict.Cause;
        if (!Causes.IsUpstreamFailure(cause))
        {
            return;
        }

        if (view.Record.Input != _input)
        {
            if (_input >= 0)
            {
                ForgetAttempts();
            }

            _input = view.Record.Input;
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
        // The resolver's own records (a "resolver:" field) name no request: the request that waited on the answer logs its
        // own "could not be resolved", which counts what its client saw.
        var repeat = TrackAttempt(view, state);
        state.Add(view, countStatus: !repeat && !view.Record.Nginx.Resolver.IsPresent);
    }

    void IRecordSink.OnRecord(in RecordView record) => Add(record);

    /// <summary>
    /// Folds in an aggregator that saw a later chunk of the same input (parallel analysis). A request whose attempts fall
    /// on both sides of the cut is linked as one pass would have linked it, and this aggregator's attempts are then the
    /// later chunk's, for the chunk after it.
    /// </summary>
    public void Merge(FindingAggregator later)
    {
        LinkRetries(later);
        MergeInto(_byTarget, later._byTarget, nginx: true);
        MergeInto(_companions, later._companions, nginx: false);
        TakeAttempts(later);
        _input = Math.Max(_input, later._input);
    }

    /// <summary>
    /// Folds in an aggregator that saw another input (another file of the same command): its findings join this one's, but
    /// no request is linked across the two, whose connection numbers need not come from the same nginx.
    /// </summary>
    public void MergeInput(FindingAggregator other)
    {
        MergeInto(_byTarget, other._byTarget, nginx: true);
        MergeInto(_companions, other._companions, nginx: false);
        ForgetAttempts();
        _input = Math.Max(_input, other._input);
    }

    /// <summary>From here on, no record is linked to a request seen before (and no first attempt is kept for <see cref="Merge"/>).</summary>
    private void ForgetAttempts()
    {
        _attempts.Clear();
        _attemptsCleared = true;
    }

    /// <summary>A later chunk's first attempts of requests this one saw fail on another target are retries (see <see cref="TrackAttempt"/>).</summary>
    private void LinkRetries(FindingAggregator later)
    {
        foreach (var (cid, request, attempt) in later._openers)
        {
            var previous = _attempts.Get(cid, request);
            if (previous < 0)
            {
                continue;
            }

            var earlier = _states[previous >> 2];
            var state = later._states[attempt >> 2];
            if (earlier.Target != state.Target)
            {
                OnAnotherTarget(earlier, previous, state);
            }
        }
    }

    /// <summary>The later chunk's last attempts, pointing at this aggregator's states (run after the states are merged).</summary>
    private void TakeAttempts(FindingAggregator later)
    {
        foreach (var (cid, request, attempt) in later._attempts.Entries())
        {
            var state = later._states[attempt >> 2];
            var mine = _byTarget[state.Target][state.Cause];
            Exchange(cid, request, (mine.StateKey << 2) | (attempt & 3));
        }
    }

    private void MergeInto(Dictionary<string, Dictionary<string, FindingState>> into, Dictionary<string, Dictionary<string, FindingState>> from, bool nginx)
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
                    Number(state, nginx);
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
                    Number(state, nginx);
                    mine[cause] = state;
                }
            }
        }
    }

    /// <summary>Gives an nginx state its number here, so that records added after a merge can point at it.</summary>
    private void Number(FindingState state, bool nginx)
    {
        if (nginx)
        {
            state.StateKey = _states.Count;
            _states.Add(state);
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
        // The backend's own log of the fatal error nginx relayed from FastCGI's stderr (FPM's "said into stderr", PHP's
        // error_log): the same failure, seen from the other side.
        Causes.PhpFatal => companionCause is Causes.PhpFatal,
        _ => false,
    };

    /// <summary>
    /// Tracks the request's attempts for retries: an attempt on another target than the request's previous one is a retry
    /// (nginx-502-messages.md §0.3: the client gets the last failure's status, e.g. 502 after a 504), so the previous
    /// attempt's status moves to <see cref="FindingState.Retried"/> in its finding. The same request on the same target
    /// again is a new request on a keep-alive connection, whose status the client saw too.
    /// True when the record is the gRPC module's summary line of a header error it has just logged for the same attempt:
    /// ngx_http_grpc_process_header writes the bare "upstream sent invalid header" after the parser's own line ("upstream
    /// sent invalid http2 table index: 62", ...), so one request has two records.
    /// Only the summary line after a record of the same request on the same target counts as a repeat, so a summary line
    /// alone keeps its status, and so does each request sent again on a keep-alive connection (its own parser line first).
    /// </summary>
    private bool TrackAttempt(in RecordView view, FindingState state)
    {
        ref readonly var n = ref view.Record.Nginx;
        if (n.ConnectionId < 0 || !n.Request.IsPresent || view.Record.Verdict.Status is not (502 or 504))
        {
            return false;
        }

        var cid = n.ConnectionId;
        var request = SpanHash.Of(n.Request.Of(view.Text));
        var attempt = Attempt(state, view.Record.Verdict.Status.Value, Retryable(state.Cause, n, view.Text));
        var previous = Exchange(cid, request, attempt);
        if (previous < 0)
        {
            if (!_attemptsCleared && _openers.Count < AttemptTable.Capacity)
            {
                _openers.Add((cid, request, attempt));
            }

            return false;
        }

        // Targets are equal when their keys are. On another target, an attempt nginx would not have retried was the
        // client's answer, and this record is a new request on the same connection.
        var earlier = _states[previous >> 2];
        if (earlier.TargetKey != state.TargetKey)
        {
            OnAnotherTarget(earlier, previous, state);
            return false;
        }

        // PHP's fatal error on FastCGI's stderr, then the record that ended the same attempt when the worker died (the 502
        // the stderr record took from it, see LogAnalyzer): one client status, counted by the last record.
        if (earlier.Cause == Causes.PhpFatal && state.Cause != Causes.PhpFatal)
        {
            earlier.Uncount(StatusOf(previous));
            return false;
        }

        if (!n.Message.Of(view.Text).SequenceEqual(GrpcHeaderErrorSummary))
        {
            return false;
        }

        // The attempt's status stays where its first line counted it (the summary line may have another cause).
        _attempts.Exchange(cid, request, previous);
        return true;
    }

    private const string GrpcHeaderErrorSummary = "upstream sent invalid header";

    /// <summary>
    /// The attempt table's exchange, bounded: a full table is cleared first (what the key held before is still returned),
    /// and from then on this aggregator keeps no more first attempts for <see cref="Merge"/>.
    /// </summary>
    private int Exchange(long cid, int request, int attempt)
    {
        if (_attempts.Count < AttemptTable.Capacity)
        {
            return _attempts.Exchange(cid, request, attempt);
        }

        var previous = _attempts.Get(cid, request);
        _attempts.Clear();
        _attemptsCleared = true;
        _attempts.Exchange(cid, request, attempt);
        return previous;
    }

    /// <summary>
    /// A request that failed with <paramref name="previous"/> in <paramref name="earlier"/> fails again on another target in
    /// <paramref name="state"/>: nginx's retry when it retries after that failure (<see cref="Retryable"/>), else a new
    /// request of the same connection, whose status stays where it was counted.
    /// </summary>
    private static void OnAnotherTarget(FindingState earlier, int previous, FindingState state)
    {
        if (IsRetryable(previous))
        {
            state.RetriedRequests++;
            earlier.MoveToRetried(StatusOf(previous));
        }
    }

    /// <summary>
    /// An attempt as the table holds it: the state that counted its status, whether nginx could have tried the request
    /// on another member after it (<see cref="Retryable"/>), and whether its status was 504 (else 502).
    /// </summary>
    private static int Attempt(FindingState state, int status, bool retryable) =>
        (state.StateKey << 2) | (retryable ? 2 : 0) | (status == 504 ? 1 : 0);

    private static bool IsRetryable(int attempt) => (attempt & 2) != 0;

    private static int StatusOf(int attempt) => (attempt & 1) == 1 ? 504 : 502;

    /// <summary>
    /// Whether nginx, with its default <c>proxy_next_upstream error timeout</c>, tries the request on the next member after
    /// this failure (ngx_http_upstream_next): not after an invalid or too big header (invalid_header is not in the default),
    /// not when no member was tried (no live upstreams, a name that could not be resolved), and not for POST, LOCK or PATCH
    /// once the request was sent (non_idempotent is not in the default either).
    /// </summary>
    private static bool Retryable(string cause, in NginxLine n, ReadOnlySpan<char> text)
    {
        if (cause is Causes.InvalidHeader or Causes.HeaderTooBig or Causes.FastcgiProtocolMismatch or Causes.NoLiveUpstreams
            or Causes.DnsResolution or Causes.NoResolver)
        {
            return false;
        }

        var request = n.Request.Of(text);
        if (!(request.StartsWith("POST ") || request.StartsWith("PATCH ") || request.StartsWith("LOCK ")))
        {
            return true;
        }

        var action = n.Action.Of(text);
        return action.SequenceEqual("connecting to upstream") || action.SequenceEqual("SSL handshaking to upstream");
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
            Number(state, !companion);
            byCause[cause] = state;
        }

        return state;
    }
}
