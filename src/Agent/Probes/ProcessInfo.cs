namespace Nginx502Bot.Agent.Probes;

/// <summary>A process as /proc shows it: enough to map sockets to owners and find nginx masters and workers.</summary>
public sealed record ProcessInfo(int Pid, int ParentPid, string Name, int? Uid, string CommandLine);
