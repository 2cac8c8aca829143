using Nginx502Bot.Agent.Options;
using Nginx502Bot.Agent.Probes.Parsing;
using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Agent.Probes;

/// <summary>
/// Backend service state. With systemd: <c>systemctl show -p ... UNIT</c> (fixed argv, unit names validated) for the
/// configured units, the units owning the listening processes (/proc/PID/cgroup), PHP-FPM units and every failed
/// unit. Without systemd: the processes that own listeners, from /proc.
/// </summary>
public sealed class ServiceStateProbe : IProbe
{
    public const int MaxUnits = 32;
    private static readonly string[] Systemctl = ["/usr/bin/systemctl", "/bin/systemctl"];

    public string Name => ProbeNames.ServiceState;
    public ProbeScope Scope => ProbeScope.Diagnosis;
    public ProbeStage Stage => ProbeStage.Targets;

    public async Task<ProbeOutcome> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        var systemctl = Systemctl.FirstOrDefault(File.Exists);
        var usable = context.Options.UseSystemctl && context.Files.IsRealRoot && systemctl is not null && Directory.Exists("/run/systemd/system");
        if (!usable) { return FromProc(context); }

        var units = new HashSet<string>(context.Options.Units, StringComparer.Ordinal);
        units.UnionWith(await FailedUnitsAsync(context, systemctl!, cancellationToken));
        units.UnionWith(CgroupUnits(context));
        units.UnionWith(context.Files.ListDirectories("/etc/php").Select(d => $"php{Path.GetFileName(d)}-fpm.service"));
        var states = new List<ServiceState>();
        foreach (var unit in units.Where(UnitName.IsValid).Order(StringComparer.Ordinal).Take(MaxUnits))
        {
            var r = await context.Processes.RunAsync(systemctl!, ["show", "-p", "LoadState,ActiveState,SubState,MainPID,NRestarts,Result", "--", unit],
                TimeSpan.FromMilliseconds(1000), cancellationToken);
            if (r is { ExitCode: 0 } && SystemctlShowParser.Parse(unit, r.StandardOutput) is { } s) { states.Add(s); }
        }

        context.Evidence.Update(b => b.Services.AddRange(states));
        return ProbeOutcome.Found(states.Count, $"units ({states.Count(s => s.IsDown)} down)", units.Count > MaxUnits);
    }

    private static async Task<IEnumerable<string>> FailedUnitsAsync(ProbeContext context, string systemctl, CancellationToken ct)
    {
        var r = await context.Processes.RunAsync(systemctl, ["list-units", "--type=service", "--state=failed", "--no-legend", "--plain"],
            TimeSpan.FromMilliseconds(1000), ct);
        return r is null ? [] : r.StandardOutput.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "")
            .Where(UnitName.IsValid);
    }

    /// <summary>Units of the processes that own listeners: the last <c>.service</c> segment of /proc/PID/cgroup.</summary>
    private static IEnumerable<string> CgroupUnits(ProbeContext context)
    {
        var pids = context.Evidence.Read(b => ListenerPids(b.Listeners));
        foreach (var pid in pids)
        {
            var cgroup = context.Files.ReadText($"/proc/{pid}/cgroup", 16 * 1024) ?? "";
            var unit = cgroup.Split('\n', '/').LastOrDefault(s => s.EndsWith(".service", StringComparison.Ordinal));
            if (unit is not null) { yield return unit; }
        }
    }

    /// <summary>Pids that own a listener (a loop: LINQ over ints would add AOT instantiations, see docs/agent.md).</summary>
    private static HashSet<int> ListenerPids(IEnumerable<Listener> listeners)
    {
        var pids = new HashSet<int>();
        foreach (var l in listeners)
        {
            if (l.Pid is { } pid) { pids.Add(pid); }
        }

        return pids;
    }

    private static ProbeOutcome FromProc(ProbeContext context)
    {
        var states = new List<ServiceState>();
        context.Evidence.Update(b =>
        {
            var owners = ListenerPids(b.Listeners);
            states.AddRange(b.Processes.Where(p => owners.Contains(p.Pid)).DistinctBy(p => p.Name).Select(p => new ServiceState
            {
                Name = p.Name, ActiveState = "active", SubState = "running", MainPid = p.Pid, Source = "proc",
            }));
            b.Services.AddRange(states);
        });
        return new ProbeOutcome(states.Count > 0 ? ProbeStatus.Ok : ProbeStatus.NothingFound,
            $"systemd not usable here; {states.Count} listening services from /proc");
    }
}
