using Nginx502Bot.Agent.Host;
using Nginx502Bot.Agent.Options;

namespace Nginx502Bot.Agent.Probes;

/// <summary>Everything a probe may use: the query, the shared evidence, rooted file access, the fixed-argv runner, options.</summary>
public sealed class ProbeContext(DiagnoseQuery query, HostFileSystem files, ProcessRunner processes, AgentOptions options, TimeProvider time)
{
    private UserDatabase? _users;

    public DiagnoseQuery Query { get; } = query;
    public EvidenceBuilder Evidence { get; } = new();
    public HostFileSystem Files { get; } = files;
    public ProcessRunner Processes { get; } = processes;
    public AgentOptions Options { get; } = options;
    public TimeProvider Time { get; } = time;

    /// <summary>/etc/passwd and /etc/group, read once per run.</summary>
    public UserDatabase Users => _users ??= UserDatabase.Parse(Files.ReadText("/etc/passwd") ?? "", Files.ReadText("/etc/group") ?? "");

    /// <summary>Window start in local time (logs write local time): the query's, else the default look-back.</summary>
    public DateTime WindowStart => Query.WindowStart ?? Time.GetLocalNow().DateTime.AddMinutes(-Options.DefaultWindowMinutes);

    public DateTime WindowEnd => Query.WindowEnd ?? Time.GetLocalNow().DateTime.AddMinutes(1);
}
