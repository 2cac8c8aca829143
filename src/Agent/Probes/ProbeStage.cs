namespace Nginx502Bot.Agent.Probes;

/// <summary>
/// When a probe may start. Probes of one stage run concurrently; a stage starts when the one before it has finished,
/// because its probes read what the earlier stage found (instances → configuration → listeners, pools and the
/// error log's findings → per-target work).
/// </summary>
public enum ProbeStage
{
    /// <summary>The process table and the nginx instances.</summary>
    Discovery,

    /// <summary>The instances' configuration: server blocks, targets, logs.</summary>
    Configuration,

    /// <summary>Host state that needs instances or processes but no target: listeners, pools, logs, users, limits.</summary>
    Host,

    /// <summary>Work per target (sockets, direct probes, ports, services): needs targets, listeners and findings.</summary>
    Targets,
}
