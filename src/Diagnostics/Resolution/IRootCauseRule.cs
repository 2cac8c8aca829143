namespace Nginx502Bot.Diagnostics.Resolution;

/// <summary>One root cause's reasoning. Returns null when the evidence does not establish it (never guesses).</summary>
public interface IRootCauseRule
{
    RootCauseResolution? TryResolve(RootCauseContext context);
}
