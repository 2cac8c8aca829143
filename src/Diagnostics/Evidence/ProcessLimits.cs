namespace Nginx502Bot.Diagnostics.Evidence;

/// <summary>Open descriptors against the soft limit for one process (nginx workers, backends).</summary>
public sealed record ProcessLimits(int Pid, string Process, long? MaxOpenFiles, int OpenFiles);
