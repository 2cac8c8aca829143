using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Resolution.Rules;

/// <summary>
/// <c>selinux_denied</c>: enforcing mode and either an AVC for nginx or <c>httpd_can_network_connect</c> off. A refused
/// connect (<c>upstream_down</c>) only counts with an AVC, because a boolean alone cannot turn EACCES into a refusal.
/// </summary>
public sealed class SelinuxDeniedRule : IRootCauseRule
{
    private const string Boolean = "httpd_can_network_connect";

    public RootCauseResolution? TryResolve(RootCauseContext context)
    {
        if (context.Finding.Cause is not (Causes.SelinuxDenied or Causes.UpstreamDown) || context.IsUnixTarget) { return null; }
        if (context.Evidence.Selinux is not { Mode: SelinuxMode.Enforcing } se) { return null; }

        var port = EndpointMatcher.Split(context.Target)?.Port;
        var avcs = context.EventsInWindow(Causes.SelinuxDenied)
            .Where(e => e.Subject is null or "nginx" && AboutPort(e.Text, port)).ToArray();
        var booleanOff = se.Booleans.TryGetValue(Boolean, out var on) && !on;
        if (avcs.Length == 0 && (!booleanOff || context.Finding.Cause == Causes.UpstreamDown)) { return null; }

        var facts = new List<EvidenceFact> { new("SELinux is enforcing", ProbeNames.Selinux) };
        if (booleanOff) { facts.Add(new EvidenceFact($"{Boolean} is off", ProbeNames.Selinux)); }
        facts.AddRange(avcs.Take(3).Select(a => new EvidenceFact($"AVC denial: {a.Text}", a.Probe, a.Location)));
        return new RootCauseResolution
        {
            RootCause = RootCauses.SelinuxDenied,
            Confidence = Confidence.High,
            Summary = $"SELinux denies nginx the connection to {context.Target}",
            Facts = facts,
            LikelyCauses = port is { } p ? [$"port {p} is not labelled http_port_t"] : [],
            Remediation =
            [
                $"setsebool -P {Boolean} 1",
                .. port is { } q ? new[] { $"or label only this port: semanage port -a -t http_port_t -p tcp {q}" } : [],
            ],
        };
    }

    /// <summary>An AVC naming another destination port is about another connection.</summary>
    private static bool AboutPort(string avc, int? port)
    {
        var at = avc.IndexOf(" dest=", StringComparison.Ordinal);
        if (at < 0 || port is null) { return true; }
        var digits = new string(avc.AsSpan(at + 6).ToArray().TakeWhile(char.IsAsciiDigit).ToArray());
        return digits == port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
