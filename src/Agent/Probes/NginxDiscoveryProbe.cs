using System.Text.RegularExpressions;
using Nginx502Bot.Agent.Probes.Parsing;
using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Agent.Probes;

/// <summary>
/// Finds running nginx masters in /proc (binary from <c>exe</c>, <c>-c</c>/<c>-p</c> from the command line, worker
/// user from the workers' Uid) and records the process table for later probes. The version comes from running the
/// discovered binary with the fixed argument <c>-v</c>, only on the real root and only when its name is nginx.
/// </summary>
public sealed partial class NginxDiscoveryProbe : IProbe
{
    public const string DefaultConfig = "/etc/nginx/nginx.conf";

    public string Name => ProbeNames.NginxDiscovery;
    public ProbeScope Scope => ProbeScope.Inventory;
    public ProbeStage Stage => ProbeStage.Discovery;

    public async Task<ProbeOutcome> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        var processes = ReadProcesses(context, cancellationToken, out var truncated);
        context.Evidence.Update(b => b.Processes.AddRange(processes));
        var instances = new List<NginxInstance>();
        foreach (var master in processes.Where(p => NginxCommandLine.Parse(p.CommandLine).IsMaster))
        {
            instances.Add(await DescribeAsync(context, master, processes, cancellationToken));
        }

        instances = Select(context, instances);
        context.Evidence.Update(b => b.Instances.AddRange(instances));
        return ProbeOutcome.Found(instances.Count, "nginx instances", truncated);
    }

    private static List<ProcessInfo> ReadProcesses(ProbeContext context, CancellationToken ct, out bool truncated)
    {
        var list = new List<ProcessInfo>();
        var pids = new List<int>();
        foreach (var n in context.Files.EntryNames("/proc"))
        {
            if (n.Length > 0 && !n.AsSpan().ContainsAnyExceptInRange('0', '9') && int.TryParse(n, out var pid)) { pids.Add(pid); }
        }

        pids.Sort();
        truncated = pids.Count > context.Options.MaxItems;
        foreach (var pid in pids[..Math.Min(pids.Count, context.Options.MaxItems)])
        {
            ct.ThrowIfCancellationRequested();
            var status = context.Files.ReadText($"/proc/{pid}/status", 64 * 1024);
            if (status is null) { continue; }
            var (name, ppid, uid) = ProcStatusParser.Parse(status);
            var cmdline = context.Files.ReadText($"/proc/{pid}/cmdline", 16 * 1024) ?? "";
            list.Add(new ProcessInfo(pid, ppid ?? 0, name ?? "", uid, cmdline.Replace('\0', ' ').Trim()));
        }

        return list;
    }

    private static async Task<NginxInstance> DescribeAsync(ProbeContext context, ProcessInfo master, List<ProcessInfo> all, CancellationToken ct)
    {
        var cmd = NginxCommandLine.Parse(master.CommandLine);
        var binary = context.Files.ReadLink($"/proc/{master.Pid}/exe") ?? cmd.Binary;
        var prefix = cmd.Prefix;
        var config = cmd.ConfigPath;
        string? version = null;
        if (CanExec(context, binary))
        {
            var v = await context.Processes.RunAsync(binary!, ["-V"], TimeSpan.FromMilliseconds(1000), ct);
            var text = v?.StandardError ?? "";
            version = VersionPattern().Match(text) is { Success: true } m ? m.Groups[1].Value : null;
            prefix ??= Configure(text, "--prefix=");
            config ??= Configure(text, "--conf-path=");
        }

        if (config is not null && !config.StartsWith('/')) { config = (prefix ?? "/").TrimEnd('/') + "/" + config; }
        var worker = all.FirstOrDefault(p => p.ParentPid == master.Pid && NginxCommandLine.Parse(p.CommandLine).IsWorker);
        var workerUser = worker?.Uid is { } uid ? context.Users.UserName(uid) ?? uid.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return new NginxInstance
        {
            Pid = master.Pid, Binary = binary, Version = version, ConfigPath = config ?? DefaultConfig, Prefix = prefix, WorkerUser = workerUser,
        };
    }

    /// <summary>Executing is allowed only for a real nginx binary found on this host, never in a relocated fixture tree.</summary>
    private static bool CanExec(ProbeContext context, string? binary) => context.Options.ExecNginx && context.Files.IsRealRoot
        && binary is not null && binary.StartsWith('/') && Path.GetFileName(binary).StartsWith("nginx", StringComparison.Ordinal)
        && File.Exists(binary);

    private static string? Configure(string text, string key)
    {
        var i = text.IndexOf(key, StringComparison.Ordinal);
        if (i < 0) { return null; }
        var end = text.IndexOfAny([' ', '\n'], i);
        return text[(i + key.Length)..(end < 0 ? text.Length : end)];
    }

    /// <summary>With a configured config path only that instance counts (the lab runs several); it is added when not running.</summary>
    private static List<NginxInstance> Select(ProbeContext context, List<NginxInstance> found)
    {
        var wanted = context.Options.NginxConfigPath;
        if (wanted is null) { return found; }
        var matching = found.Where(i => i.ConfigPath == wanted).ToList();
        if (matching.Count > 0) { return matching; }
        return [new NginxInstance { ConfigPath = wanted, Prefix = context.Options.NginxPrefix }];
    }

    [GeneratedRegex(@"nginx version: \S+/(\S+)")]
    private static partial Regex VersionPattern();
}
