using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Resolution.Rules;

/// <summary>
/// A unix target that is absent or dead: <c>wrong_target</c> when a PHP-FPM pool listens on another socket that is
/// live, else <c>unix_socket_missing</c> (absent) or <c>upstream_down</c> (stale file nobody listens on).
/// </summary>
public sealed class UnixSocketTargetRule : IRootCauseRule
{
    public RootCauseResolution? TryResolve(RootCauseContext context)
    {
        if (context.Finding.Cause is not (Causes.UnixSocketMissing or Causes.UpstreamDown) || !context.IsUnixTarget) { return null; }
        var path = context.Target["unix:".Length..];
        var socket = context.Evidence.UnixSockets.FirstOrDefault(s => s.Path == path);
        if (socket is null || (socket.Exists && socket.Listening)) { return null; }

        var facts = new List<EvidenceFact>
        {
            new(socket.Exists ? $"{path} exists but no process listens on it" : $"{path} does not exist", ProbeNames.UnixSockets),
        };
        var elsewhere = context.Evidence.PhpFpmPools
            .Where(p => p.ListenTarget is { } t && t != context.Target && t.StartsWith("unix:", StringComparison.Ordinal))
            .FirstOrDefault(p => context.Evidence.Listeners.Any(l => "unix:" + l.Path == p.ListenTarget));
        if (elsewhere is not null && context.Passes.Head() is { } pass)
        {
            facts.Add(new EvidenceFact($"PHP-FPM pool [{elsewhere.Name}] listens on {elsewhere.Listen}", ProbeNames.PhpFpmPools, elsewhere.ListenLocation ?? elsewhere.Location));
            facts.Add(new EvidenceFact($"nginx dials {context.Target}", ProbeNames.NginxConfig, pass.Location));
            return new RootCauseResolution
            {
                RootCause = RootCauses.WrongTarget,
                Confidence = Confidence.High,
                Summary = $"nginx dials {context.Target} but PHP-FPM listens on {elsewhere.ListenTarget}",
                Facts = facts,
                Remediation = [Remedies.ChangeDirective(pass.Location, Remedies.Pass(pass), Remedies.PassWithAddress(pass, elsewhere.ListenTarget!))],
            };
        }

        return Missing(context, socket, facts);
    }

    private static RootCauseResolution Missing(RootCauseContext context, UnixSocketInfo socket, List<EvidenceFact> facts)
    {
        var down = context.Evidence.Services.Where(s => s.IsDown).ToArray();
        facts.AddRange(down.Select(s => new EvidenceFact($"{s.Name} is {s.ActiveState} ({s.SubState}, result {s.Result})", ProbeNames.ServiceState)));
        var pool = context.Evidence.PhpFpmPools.FirstOrDefault(p => p.ListenTarget == context.Target);
        if (pool is not null) { facts.Add(new EvidenceFact($"PHP-FPM pool [{pool.Name}] is configured to create it", ProbeNames.PhpFpmPools, pool.ListenLocation ?? pool.Location)); }
        var unit = down.FirstOrDefault()?.Name ?? context.Evidence.Services.FirstOrDefault(s => s.Name.Contains("fpm", StringComparison.Ordinal))?.Name;
        return new RootCauseResolution
        {
            RootCause = socket.Exists ? RootCauses.UpstreamDown : RootCauses.UnixSocketMissing,
            Confidence = down.Length > 0 || pool is not null ? Confidence.High : Confidence.Medium,
            Summary = socket.Exists
                ? $"{socket.Path} is a stale socket: the backend that created it is gone"
                : $"{socket.Path} does not exist: the backend that should create it is not running",
            Facts = facts,
            Remediation = unit is null
                ? [$"start the backend that creates {socket.Path}"]
                : [$"systemctl start {unit}", $"journalctl -u {unit} -n 50"],
        };
    }
}
