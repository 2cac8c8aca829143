namespace Nginx502Bot.Agent.Probes;

/// <summary>
/// One read-only look at the host. A probe reads through <see cref="ProbeContext.Files"/> (never raw paths), adds what
/// it saw to <see cref="ProbeContext.Evidence"/> and says how it went. It does not time itself, log or catch: the
/// <see cref="ProbeRunner"/> owns timeouts, logging and failure bookkeeping. Finding nothing is a result.
/// </summary>
public interface IProbe
{
    /// <summary>Stable name, cited by facts (<see cref="Diagnostics.Evidence.ProbeNames"/>).</summary>
    string Name { get; }

    /// <summary>Inventory probes also run for GetInventory; the rest only for Diagnose.</summary>
    ProbeScope Scope { get; }

    /// <summary>Probes of one stage run together, after every probe of the stages before (see <see cref="ProbeStage"/>).</summary>
    ProbeStage Stage { get; }

    Task<ProbeOutcome> RunAsync(ProbeContext context, CancellationToken cancellationToken);
}
