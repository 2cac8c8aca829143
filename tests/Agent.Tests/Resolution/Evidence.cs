using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Findings;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Agent.Tests.Resolution;

/// <summary>Builders for findings and host evidence as the probes would report them.</summary>
internal static class Evidence
{
    public const string AppConf = "/etc/nginx/conf.d/app.conf";

    public static Finding Finding(string cause, string target, string scheme = "http", DateTime? at = null) => new()
    {
        Cause = cause, RootCause = cause, Target = target, Scheme = scheme, Count = 3, Confidence = Confidence.Medium,
        Summary = "engine summary", Servers = ["app.example.com"], FirstSeen = at, LastSeen = at,
        Remediation = ["engine remediation"], LikelyCauses = ["engine guess"],
    };

    public static PassDirective Pass(string value, int line, string directive = "proxy_pass", string? scheme = null, string? address = null) => new()
    {
        Directive = directive, Value = value, Scheme = scheme ?? "http", Address = address ?? value.Replace("http://", "", StringComparison.Ordinal).Replace("https://", "", StringComparison.Ordinal),
        Location = new SourceLocation(AppConf, line), ServerNames = ["app.example.com"], LocationPath = "/",
    };

    public static NginxInstance Instance(params PassDirective[] passes) => new()
    {
        Pid = 100, ConfigPath = "/etc/nginx/nginx.conf", WorkerUser = "www-data", Passes = passes,
    };

    public static Listener Tcp(string address, int port, string process, int pid, SocketFamily family = SocketFamily.IPv4) => new()
    {
        Family = family, Address = address, Port = port, Process = process, Pid = pid, Inode = pid * 10,
    };

    public static DirectProbeResult Refused(string target) => new() { Target = target, Connected = false, ConnectError = "connection refused" };

    public static DirectProbeResult Speaks(string target, string protocol, int? status = null) => new()
    {
        Target = target, Connected = true, Speaks = protocol, HttpStatus = status, TlsHandshake = protocol == "tls",
    };
}
