namespace Nginx502Bot.Agent.Probes;

public enum ProbeStatus
{
    Ok,
    /// <summary>Ran and found nothing: a result, not an error.</summary>
    NothingFound,
    /// <summary>Not applicable here (no systemd, direct probes off, nothing to probe).</summary>
    Skipped,
    Failed,
    TimedOut,
}
