using Nginx502Bot.Agent.Probes.Parsing;
using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Resolution;

namespace Nginx502Bot.Agent.Probes;

/// <summary>
/// Connections toward each TCP target in the query's scope by state (/proc/net/tcp, tcp6, from the run's shared
/// snapshot) against net.ipv4.ip_local_port_range.
/// </summary>
public sealed class EphemeralPortProbe : IProbe
{
    public string Name => ProbeNames.EphemeralPorts;
    public ProbeScope Scope => ProbeScope.Diagnosis;
    public ProbeStage Stage => ProbeStage.Targets;

    public Task<ProbeOutcome> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        var targets = context.Evidence.Read(b =>
        {
            var addresses = new List<string>();
            foreach (var t in DiscoveredTargets.Tcp(b, context.Query)) { addresses.Add(t.Address); }
            return addresses;
        });
        if (targets.Count == 0) { return Task.FromResult(ProbeOutcome.Skip("no TCP target")); }

        // Rows indexed by remote port once: a target is compared only with the rows to its own port, not every row.
        // (A dictionary, not ToLookup: an int-keyed lookup is a family of generic instantiations in the AOT binary.)
        var byPort = new Dictionary<int, List<TcpSocketRow>>();
        foreach (var r in context.Net.Connections())
        {
            if (!byPort.TryGetValue(r.RemotePort, out var rows)) { byPort[r.RemotePort] = rows = []; }
            rows.Add(r);
        }

        var range = (context.Files.ReadText("/proc/sys/net/ipv4/ip_local_port_range", 64) ?? "32768 60999")
            .Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var low = range.Length > 0 && int.TryParse(range[0], out var l) ? l : 32768;
        var high = range.Length > 1 && int.TryParse(range[1], out var h) ? h : 60999;

        var usage = targets.Select(t => Usage(t, byPort, low, high)).ToArray();
        context.Evidence.Update(b => b.PortUsage.AddRange(usage));
        var busiest = usage.MaxBy(u => u.Total)!;
        return Task.FromResult(new ProbeOutcome(ProbeStatus.Ok, $"busiest target {busiest.Target}: {busiest.Total} of {busiest.RangeSize} ports"));
    }

    private static PortUsage Usage(string target, Dictionary<int, List<TcpSocketRow>> byPort, int low, int high)
    {
        var port = EndpointMatcher.Split(target)!.Value.Port;
        var toTarget = byPort.GetValueOrDefault(port, []).Where(r => EndpointMatcher.Same($"{Bracket(r.RemoteAddress)}:{r.RemotePort}", target)).ToArray();
        return new PortUsage
        {
            Target = target,
            Established = toTarget.Count(r => r.State == ProcNetParser.Established),
            TimeWait = toTarget.Count(r => r.State == ProcNetParser.TimeWait),
            Other = toTarget.Count(r => r.State is not (ProcNetParser.Established or ProcNetParser.TimeWait)),
            RangeLow = low,
            RangeHigh = high,
        };
    }

    private static string Bracket(string address) => address.Contains(':') ? $"[{address}]" : address;
}
