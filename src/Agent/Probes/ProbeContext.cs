using Nginx502Bot.Agent.Host;
using Nginx502Bot.Agent.Options;

namespace Nginx502Bot.Agent.Probes;

/// <summary>
/// Everything a probe may use: the query, the shared evidence, rooted file access, the fixed-argv runner, options, and
/// what several probes read (users, socket tables), read once per run. Probes of one stage run concurrently, so the
/// shared reads are thread-safe lazies.
/// </summary>
public sealed class ProbeContext
{
    private readonly Lazy<UserDatabase> _users;
    private readonly Lazy<ProcNetSnapshot> _net;

    public ProbeContext(DiagnoseQuery query, HostFileSystem files, ProcessRunner processes, AgentOptions options, TimeProvider time)
    {
        Query = query;
        Files = files;
        Processes = processes;
        Options = options;
        Time = time;
        _users = new(() => UserDatabase.Parse(Files.ReadText("/etc/passwd") ?? "", Files.ReadText("/etc/group") ?? ""));
        _net = new(() => ProcNetSnapshot.Read(Files));
    }

    public DiagnoseQuery Query { get; }
    public EvidenceBuilder Evidence { get; } = new();
    public HostFileSystem Files { get; }
    public ProcessRunner Processes { get; }
    public AgentOptions Options { get; }
    public TimeProvider Time { get; }

    /// <summary>/etc/passwd and /etc/group, read once per run.</summary>
    public UserDatabase Users => _users.Value;

    /// <summary>/proc/net/{tcp,tcp6,unix}, read once per run.</summary>
    public ProcNetSnapshot Net => _net.Value;

    /// <summary>Window start in local time (logs write local time): the query's, else the default look-back.</summary>
    public DateTime WindowStart => Query.WindowStart ?? Time.GetLocalNow().DateTime.AddMinutes(-Options.DefaultWindowMinutes);

    public DateTime WindowEnd => Query.WindowEnd ?? Time.GetLocalNow().DateTime.AddMinutes(1);
}
