using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.NginxConfig;

namespace Nginx502Bot.Agent.Probes;

/// <summary>
/// Parses each instance's configuration with the pure parser, following includes through the rooted file access,
/// and records server blocks, *_pass targets, upstreams and log paths with file:line. Parses are reused while every
/// file they read is unchanged (<see cref="NginxConfigCache"/>).
/// </summary>
public sealed class NginxConfigProbe(NginxConfigCache cache) : IProbe
{
    /// <summary>Debian's compiled-in error log, used when the configuration names none.</summary>
    public const string DefaultErrorLog = "/var/log/nginx/error.log";

    public string Name => ProbeNames.NginxConfig;
    public ProbeScope Scope => ProbeScope.Inventory;
    public ProbeStage Stage => ProbeStage.Configuration;

    public Task<ProbeOutcome> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        var instances = context.Evidence.Read(b => b.Instances.ToList());
        var enriched = instances.Select(i => Enrich(i, cache.Get(i.ConfigPath, context.Files))).ToList();
        context.Evidence.Update(b => { b.Instances.Clear(); b.Instances.AddRange(enriched); });

        var passes = enriched.Sum(i => i.Passes.Count);
        var errors = enriched.Sum(i => i.ConfigErrors.Count);
        return Task.FromResult(enriched.Count == 0
            ? ProbeOutcome.Skip("no nginx instance to read")
            : new ProbeOutcome(passes > 0 ? ProbeStatus.Ok : ProbeStatus.NothingFound,
                $"{enriched.Sum(i => i.ServerBlocks.Count)} server blocks, {passes} pass targets, {errors} config problems"));
    }

    private static NginxInstance Enrich(NginxInstance instance, (ParsedConfig Parsed, ConfigSummary Summary, bool Cached) config)
    {
        var (parsed, summary, _) = config;
        var prefix = instance.Prefix ?? Path.GetDirectoryName(instance.ConfigPath) ?? "/";
        var errorLogs = summary.ErrorLogs.Where(IsFile).Select(p => Absolute(prefix, p)).ToList();
        if (errorLogs.Count == 0) { errorLogs.Add(DefaultErrorLog); }
        return instance with
        {
            WorkerUser = instance.WorkerUser ?? summary.User,
            ServerBlocks = summary.ServerBlocks,
            Passes = summary.Passes,
            Upstreams = summary.Upstreams,
            ErrorLogs = errorLogs,
            AccessLogs = summary.AccessLogs.Where(IsFile).Select(p => Absolute(prefix, p)).ToArray(),
            ConfigErrors = parsed.Errors,
        };
    }

    private static bool IsFile(string path) => path != "stderr" && !path.StartsWith("syslog:", StringComparison.Ordinal)
        && !path.StartsWith("memory:", StringComparison.Ordinal) && !path.StartsWith("/dev/", StringComparison.Ordinal) && !path.Contains('$');

    private static string Absolute(string prefix, string path) => path.StartsWith('/') ? path : prefix.TrimEnd('/') + "/" + path;
}
