namespace Nginx502Bot.Diagnostics.Vocabulary;

/// <summary>
/// Line-level cause ids from <c>shared/reference/causes.md</c> section 1. Every record gets exactly one.
/// These strings are the contract with JSON output, timeline rows and summaries: never rename one.
/// </summary>
public static class Causes
{
    public const string UpstreamDown = "upstream_down";
    public const string UnixSocketMissing = "unix_socket_missing";
    public const string UnixSocketPermission = "unix_socket_permission";
    public const string SelinuxDenied = "selinux_denied";
    public const string FirewallBlocked = "firewall_blocked";
    public const string ListenBacklogFull = "listen_backlog_full";
    public const string NoRoute = "no_route";
    public const string NetworkUnreachable = "network_unreachable";
    public const string EphemeralPortExhaustion = "ephemeral_port_exhaustion";
    public const string FdExhaustion = "fd_exhaustion";
    public const string UpstreamTimeoutConnect = "upstream_timeout_connect";
    public const string UpstreamTimeoutSend = "upstream_timeout_send";
    public const string UpstreamTimeoutRead = "upstream_timeout_read";
    public const string PrematureClose = "premature_close";
    public const string ConnectionReset = "connection_reset";
    public const string BrokenPipe = "broken_pipe";
    public const string NoLiveUpstreams = "no_live_upstreams";
    public const string HeaderTooBig = "header_too_big";
    public const string InvalidHeader = "invalid_header";
    public const string ProtocolMismatch = "protocol_mismatch";
    public const string FastcgiProtocolMismatch = "fastcgi_protocol_mismatch";
    public const string UpstreamTls = "upstream_tls";
    public const string UpstreamCertInvalid = "upstream_cert_invalid";
    public const string DnsResolution = "dns_resolution";
    public const string NoResolver = "no_resolver";
    public const string ResponseTruncated = "response_truncated";
    public const string PhpFatal = "php_fatal";
    public const string FastcgiScriptNotFound = "fastcgi_script_not_found";
    public const string FpmPoolExhausted = "fpm_pool_exhausted";
    public const string AppWorkerTimeout = "app_worker_timeout";
    public const string AppCrash = "app_crash";
    public const string OomKilled = "oom_killed";
    public const string RateLimited = "rate_limited";
    public const string ClientAbort = "client_abort";
    public const string NotAnUpstreamError = "not_an_upstream_error";

    /// <summary>Every line-level id, in the order of causes.md.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        UpstreamDown, UnixSocketMissing, UnixSocketPermission, SelinuxDenied, FirewallBlocked, ListenBacklogFull,
        NoRoute, NetworkUnreachable, EphemeralPortExhaustion, FdExhaustion, UpstreamTimeoutConnect, UpstreamTimeoutSend,
        UpstreamTimeoutRead, PrematureClose, ConnectionReset, BrokenPipe, NoLiveUpstreams, HeaderTooBig, InvalidHeader,
        ProtocolMismatch, FastcgiProtocolMismatch, UpstreamTls, UpstreamCertInvalid, DnsResolution, NoResolver,
        ResponseTruncated, PhpFatal, FastcgiScriptNotFound, FpmPoolExhausted, AppWorkerTimeout, AppCrash, OomKilled,
        RateLimited, ClientAbort, NotAnUpstreamError,
    ];

    /// <summary>True for ids that describe a failed or cut upstream exchange (what the exit status reports).</summary>
    public static bool IsUpstreamFailure(string cause) => cause is not (NotAnUpstreamError or ClientAbort or RateLimited);
}
