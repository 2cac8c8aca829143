using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Resolution.Rules;

/// <summary>
/// <c>stale_keepalive</c>: the target's upstream block caches connections (<c>keepalive</c>) and the proxy_pass that
/// uses it lacks <c>proxy_http_version 1.1</c> or <c>proxy_set_header Connection ""</c>; with both present the
/// remaining suspect is the backend closing idle connections first (medium confidence).
/// </summary>
public sealed class StaleKeepaliveRule : IRootCauseRule
{
    public RootCauseResolution? TryResolve(RootCauseContext context)
    {
        if (context.Finding.Cause is not (Causes.PrematureClose or Causes.ConnectionReset)) { return null; }
        var upstream = context.Upstreams.FirstOrDefault(u => u.Keepalive is not null);
        if (upstream is null) { return null; }
        var passes = context.Passes.Where(p => p.Directive == "proxy_pass" && p.Address == upstream.Name).ToArray();
        if (passes.Length == 0) { return null; }

        var facts = new List<EvidenceFact>
        {
            new($"upstream {upstream.Name} keeps idle connections: `keepalive {upstream.Keepalive!.Value}`", ProbeNames.NginxConfig, upstream.Keepalive.Location),
        };
        var fixes = new List<string>();
        foreach (var pass in passes)
        {
            facts.Add(new EvidenceFact($"`{Remedies.Pass(pass)}` uses it", ProbeNames.NginxConfig, pass.Location));
            AddMissing(pass, facts, fixes);
        }

        return fixes.Count > 0 ? Missing(context, upstream, facts, fixes) : BackendCloses(context, upstream, facts);
    }

    private static void AddMissing(PassDirective pass, List<EvidenceFact> facts, List<string> fixes)
    {
        if (pass.ProxyHttpVersion?.Value != "1.1")
        {
            facts.Add(pass.ProxyHttpVersion is { } v
                ? new EvidenceFact($"`proxy_http_version {v.Value}` is in force there", ProbeNames.NginxConfig, v.Location)
                : new EvidenceFact("no `proxy_http_version 1.1` is in force there (nginx's default is 1.0)", ProbeNames.NginxConfig, pass.Location));
            fixes.Add(pass.ProxyHttpVersion is { } w
                ? Remedies.ChangeDirective(w.Location, $"proxy_http_version {w.Value}", "proxy_http_version 1.1")
                : Remedies.AddDirective(pass.Location, "proxy_http_version 1.1;"));
        }

        if (pass.ConnectionHeader?.Value != "")
        {
            facts.Add(new EvidenceFact("no `proxy_set_header Connection \"\"` is in force there (nginx sends `Connection: close`)", ProbeNames.NginxConfig, pass.Location));
            fixes.Add(Remedies.AddDirective(pass.Location, "proxy_set_header Connection \"\";"));
        }
    }

    private static RootCauseResolution Missing(RootCauseContext c, UpstreamBlock u, List<EvidenceFact> facts, List<string> fixes) => new()
    {
        RootCause = RootCauses.StaleKeepalive,
        Confidence = Confidence.High,
        Summary = $"upstream {u.Name} uses keepalive but the proxy_pass to it misses the directives that make reuse safe",
        Facts = facts,
        Remediation = fixes.Distinct().ToArray(),
    };

    private static RootCauseResolution BackendCloses(RootCauseContext c, UpstreamBlock u, List<EvidenceFact> facts) => new()
    {
        RootCause = RootCauses.StaleKeepalive,
        Confidence = Confidence.Medium,
        Summary = $"upstream {u.Name} reuses idle connections that the backend may already have closed",
        Facts = facts,
        LikelyCauses = ["the backend's idle (keep-alive) timeout is shorter than nginx's upstream keepalive_timeout (60s by default)"],
        Remediation =
        [
            $"In {u.Location.File} add `keepalive_timeout` below the backend's idle timeout in the upstream block of line {u.Location.Line} (gunicorn's --keep-alive defaults to 2s), then `{Remedies.ReloadNginx}`",
        ],
    };
}
