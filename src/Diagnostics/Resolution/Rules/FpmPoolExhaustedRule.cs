using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Resolution.Rules;

/// <summary><c>fpm_pool_exhausted</c>: the PHP-FPM pool behind the target reached pm.max_children.</summary>
public sealed class FpmPoolExhaustedRule : CompanionEventRule
{
    protected override string EventCause => Causes.FpmPoolExhausted;
    protected override string RootCause => RootCauses.FpmPoolExhausted;
    protected override IReadOnlyList<string> Refines { get; } = [Causes.ListenBacklogFull, Causes.UpstreamTimeoutRead];
    protected override string Describe(HostEvent e) => $"PHP-FPM pool {e.Subject ?? ""} reached pm.max_children".Replace("  ", " ", StringComparison.Ordinal);

    protected override IReadOnlyList<string> Remedy(RootCauseContext context, HostEvent e)
    {
        var pool = context.Evidence.PhpFpmPools.FirstOrDefault(p => p.ListenTarget == context.Target)
            ?? context.Evidence.PhpFpmPools.FirstOrDefault(p => p.Name == e.Subject);
        if (pool?.MaxChildren is not { } max) { return ["raise `pm.max_children` of the pool (memory permitting), then reload PHP-FPM"]; }
        var unit = context.Evidence.Services.FirstOrDefault(s => s.Name.Contains("fpm", StringComparison.Ordinal))?.Name ?? "php-fpm";
        return
        [
            $"In {pool.MaxChildrenLocation ?? pool.Location} raise `pm.max_children = {max}` (memory permitting: about RAM for PHP / average worker RSS), then `systemctl reload {unit}`",
            "or find the slow requests that hold the workers (PHP-FPM slowlog)",
        ];
    }
}
