using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Agent.Probes;

/// <summary>SELinux mode (/sys/fs/selinux/enforce), the httpd network booleans, and AVC denials in the audit log.</summary>
public sealed class SelinuxProbe : IProbe
{
    private static readonly string[] Booleans = ["httpd_can_network_connect", "httpd_can_network_relay", "httpd_can_network_connect_db"];

    public string Name => ProbeNames.Selinux;
    public ProbeScope Scope => ProbeScope.Diagnosis;
    public ProbeStage Stage => ProbeStage.Host;

    public Task<ProbeOutcome> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        var files = context.Files;
        if (!files.DirectoryExists("/sys/fs/selinux"))
        {
            context.Evidence.SetSelinux(new SelinuxState { Mode = SelinuxMode.Absent });
            return Task.FromResult(new ProbeOutcome(ProbeStatus.NothingFound, "SELinux is not present"));
        }

        var mode = files.ReadText("/sys/fs/selinux/enforce", 16)?.Trim() switch
        {
            "1" => SelinuxMode.Enforcing,
            "0" => SelinuxMode.Permissive,
            _ => SelinuxMode.Disabled,
        };
        var booleans = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var name in Booleans)
        {
            // The file holds "current pending", e.g. "0 0".
            if (files.ReadText($"/sys/fs/selinux/booleans/{name}", 16) is { } v) { booleans[name] = v.TrimStart().StartsWith('1'); }
        }

        context.Evidence.SetSelinux(new SelinuxState { Mode = mode, Booleans = booleans });
        var avcs = LogEventReader.Read(context, context.Options.AuditLogPath, Name, e => e.Cause == Causes.SelinuxDenied);
        if (avcs is { } r) { context.Evidence.Update(b => b.Events.AddRange(r.Events)); }
        return Task.FromResult(new ProbeOutcome(ProbeStatus.Ok, $"{mode}, {avcs?.Events.Count ?? 0} AVC denials in the window"));
    }
}
