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
    }

    public string Cause { get; }
    public string Target { get; }
    public string? Scheme { get; }
    public int Count { get; private set; }
    public DateTime? First { get; private set; }
    public DateTime? Last { get; private set; }
    public CappedSet Servers { get; } = new(20);
    public CappedSet Hosts { get; } = new(10);
    public CappedSet Paths { get; } = new(20);
    public Dictionary<string, int> Statuses { get; } = new(StringComparer.Ordinal);
    public List<LogRecord> Evidence { get; } = [];
    public LogRecord? LastRecord { get; private set; }
    public int RetriedRequests { get; set; }
    public string? Pool { get; set; }

    /// <summary>Seconds (ticks / 1e7) in which records fell, to correlate companion records by time.</summary>
    public HashSet<long> Seconds { get; } = [];

    /// <summary>Client connection ids seen, to correlate FastCGI stderr with the close of the same request.</summary>
    public HashSet<long> ConnectionIds { get; } = [];

    public void Add(in RecordView view)
    {
        Count++;
        ref readonly var r = ref view.Record;
        if (r.Time is { } t)
        {
            First = First is null || t < First ? t : First;
            Last = Last is null || t > Last ? t : Last;
            if (Seconds.Count < MaxSeconds)
            {
                Seconds.Add(t.Ticks / TimeSpan.TicksPerSecond);
            }
        }

        if (view.IsNginx)
        {
            var n = r.Nginx;
            Servers.Add(n.Server.Of(view.Text));
            Hosts.Add(n.Host.Of(view.Text));
            Paths.Add(UpstreamAddress.Path(n.Request.Of(view.Text)));
            if (n.ConnectionId >= 0 && Cause is Causes.PhpFatal or Causes.PrematureClose && ConnectionIds.Count < MaxSeconds)
            {
                ConnectionIds.Add(n.ConnectionId);
            }
        }

        var status = StatusKey(r.Verdict.Status);
        Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
        if (Evidence.Count < MaxEvidence - 1)
        {
            Evidence.Add(view.ToLogRecord());
        }
        else if (Count % 64 == 0 || LastRecord is null)
        {
            // Keep a recent one without materialising every record.
            LastRecord = view.ToLogRecord();
        }
    }

    private static string StatusKey(int? status) => status switch
    {
        null => "-",
        502 => "502",
        504 => "504",
        500 => "500",
        499 => "499",
        503 => "503",
        404 => "404",
        _ => ClientStatus.Format(status),
    };
}
