namespace Nginx502Bot.Diagnostics.Evidence;

/// <summary>Probe names as facts cite them. The agent's probes use the same strings.</summary>
public static class ProbeNames
{
    public const string NginxDiscovery = "nginx_discovery";
    public const string NginxConfig = "nginx_config";
    public const string WorkerUser = "worker_user";
    public const string Listeners = "listeners";
    public const string UnixSockets = "unix_sockets";
    public const string DirectProbe = "direct_probe";
    public const string ServiceState = "service_state";
    public const string PhpFpmPools = "php_fpm_pools";
    public const string PhpFpmLog = "php_fpm_log";
    public const string KernelLog = "kernel_log";
    public const string Selinux = "selinux";
    public const string FdLimits = "fd_limits";
    public const string EphemeralPorts = "ephemeral_ports";
    public const string ErrorLog = "error_log";
}
