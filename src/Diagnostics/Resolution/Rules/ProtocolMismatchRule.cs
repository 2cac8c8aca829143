using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Resolution.Rules;

/// <summary><c>protocol_mismatch</c>: the direct probe shows the target speaks another protocol than the <c>*_pass</c> scheme.</summary>
public sealed class ProtocolMismatchRule : IRootCauseRule
{
    /// <summary>What a target behind the scheme must speak, in the direct probe's words.</summary>
    public static string? Expected(string? scheme) => scheme switch
    {
        "http" => "http",
        "https" or "grpcs" => "tls",
        "fastcgi" => "fastcgi",
        "grpc" => "http2",
        _ => null,
    };

    public RootCauseResolution? TryResolve(RootCauseContext context)
    {
        if (context.Finding.Cause is not (Causes.ProtocolMismatch or Causes.FastcgiProtocolMismatch or Causes.UpstreamTls
            or Causes.ConnectionReset or Causes.InvalidHeader or Causes.PrematureClose)) { return null; }
        var pass = context.Passes.Head();
        var scheme = context.Finding.Scheme ?? pass?.Scheme;
        var expected = Expected(scheme);
        if (context.TargetProbe is not { Speaks: { } speaks and not "unknown" } probe || expected is null || speaks == expected) { return null; }

        var facts = new List<EvidenceFact>
        {
            new($"{context.Target} speaks {speaks} ({Describe(probe)})", ProbeNames.DirectProbe),
        };
        if (pass is not null) { facts.Add(new EvidenceFact($"nginx uses `{Remedies.Pass(pass)}` ({scheme})", ProbeNames.NginxConfig, pass.Location)); }
        return new RootCauseResolution
        {
            RootCause = RootCauses.ProtocolMismatch,
            Confidence = Confidence.High,
            Summary = $"{context.Target} speaks {speaks} but nginx talks {scheme} to it",
            Facts = facts,
            Remediation = pass is null ? [$"make nginx talk {speaks} to {context.Target}"] : [Fix(pass, speaks)],
        };
    }

    private static string Describe(DirectProbeResult p) => p.Speaks switch
    {
        "http" => $"HTTP status {p.HttpStatus}",
        "tls" => "TLS handshake completed",
        "fastcgi" => "answered FastCGI GET_VALUES",
        _ => p.Detail ?? p.Speaks ?? "",
    };

    private static string Fix(PassDirective pass, string speaks)
    {
        var to = (pass.Directive, speaks) switch
        {
            ("proxy_pass", "tls") => "proxy_pass " + ReplaceScheme(pass.Value, "https"),
            ("proxy_pass", "http") => "proxy_pass " + ReplaceScheme(pass.Value, "http"),
            ("proxy_pass", "fastcgi") => $"fastcgi_pass {pass.Address}; include fastcgi_params;",
            ("proxy_pass", "http2") => $"grpc_pass grpc://{pass.Address}",
            ("grpc_pass", "http") => $"proxy_pass http://{pass.Address}",
            ("grpc_pass", "tls") => $"grpc_pass grpcs://{pass.Address}",
            (_, "http") => $"proxy_pass http://{pass.Address}",
            (_, "tls") => $"proxy_pass https://{pass.Address}",
            _ => $"a {speaks} backend",
        };
        return Remedies.ChangeDirective(pass.Location, Remedies.Pass(pass), to);
    }

    private static string ReplaceScheme(string value, string scheme)
    {
        var sep = value.IndexOf("://", StringComparison.Ordinal);
        return sep < 0 ? $"{scheme}://{value}" : scheme + value[sep..];
    }
}
