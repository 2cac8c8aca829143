namespace Nginx502Bot.Agent.Options;

/// <summary>
/// What the probes may read and how hard they may try. Paths are host paths; <see cref="Root"/> and the per-area
/// roots relocate them so tests and the lab run the same probes on fixture trees. Section <c>Agent</c>.
/// </summary>
public sealed class AgentOptions
{
    public const string SectionName = "Agent";

    /// <summary>Root for host paths no other root covers. Default <c>/</c>.</summary>
    public string Root { get; set; } = "/";

    /// <summary>Where <c>/proc</c> is read from. Default <see cref="Root"/>/proc.</summary>
    public string? ProcRoot { get; set; }

    /// <summary>Where <c>/etc</c> is read from. Default <see cref="Root"/>/etc.</summary>
    public string? EtcRoot { get; set; }

    /// <summary>Where <c>/sys</c> is read from. Default <see cref="Root"/>/sys.</summary>
    public string? SysRoot { get; set; }

    /// <summary>Where <c>/var/log</c> is read from. Default <see cref="Root"/>/var/log.</summary>
    public string? LogRoot { get; set; }

    /// <summary>Only diagnose this nginx configuration (the lab's <c>-c</c>); also used when no master runs.</summary>
    public string? NginxConfigPath { get; set; }

    /// <summary>Prefix (<c>-p</c>) for <see cref="NginxConfigPath"/> when no running master names one.</summary>
    public string? NginxPrefix { get; set; }

    /// <summary>Error log to read instead of the ones the configuration names.</summary>
    public string? ErrorLogPath { get; set; }

    /// <summary>Kernel log files tried in order (the agent never reads /dev/kmsg).</summary>
    public List<string> KernelLogPaths { get; set; } = ["/var/log/kern.log", "/var/log/messages", "/var/log/syslog"];

    /// <summary>SELinux audit log.</summary>
    public string AuditLogPath { get; set; } = "/var/log/audit/audit.log";

    /// <summary>Extra systemd units to report (backends nginx talks to), besides those found from sockets and failed units.</summary>
    public List<string> Units { get; set; } = [];

    /// <summary>Run the discovered nginx binary with <c>-v</c>/<c>-V</c> (fixed argv) for its version and defaults.</summary>
    public bool ExecNginx { get; set; } = true;

    /// <summary>
    /// Also read the configuration of every running php-fpm master (from its command line in /proc), for pools kept
    /// outside /etc/php. Off by default: on a host that runs several FPM masters for unrelated sites (the lab, a
    /// shared machine) a live pool of another site can turn "socket missing" into "wrong target" naming that pool.
    /// </summary>
    public bool PhpFpmFromProcesses { get; set; }

    /// <summary>Run <c>systemctl show</c> (fixed argv) when systemd is present.</summary>
    public bool UseSystemctl { get; set; } = true;

    /// <summary>Connect to discovered targets directly (TCP, HTTP, TLS, FastCGI). Off for pure fixture runs.</summary>
    public bool DirectProbes { get; set; } = true;

    /// <summary>Budget of each probe.</summary>
    public int ProbeTimeoutMs { get; set; } = 2000;

    /// <summary>Connect and read timeout of one direct probe step.</summary>
    public int DirectTimeoutMs { get; set; } = 400;

    /// <summary>Most bytes read from one file (logs are read from the end).</summary>
    public int MaxFileBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Most items one probe reports (listeners, events, targets).</summary>
    public int MaxItems { get; set; } = 5000;

    /// <summary>How far back the log probes look when the request names no window.</summary>
    public int DefaultWindowMinutes { get; set; } = 60;
}
