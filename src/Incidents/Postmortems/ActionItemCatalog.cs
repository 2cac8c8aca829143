using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Incidents.Postmortems;

/// <summary>Follow-up work a post-mortem proposes for each root-cause id (causes.md section 2, then line-level ids).</summary>
public static class ActionItemCatalog
{
    private static readonly Dictionary<string, string[]> Items = new(StringComparer.Ordinal)
    {
        [RootCauses.UpstreamDown] = ["Add a deploy health check that fails the rollout when the upstream does not listen", "Alert on the backend unit's state (inactive/failed) before nginx sees it", "Configure restart policy (Restart=on-failure) for the backend service"],
        [RootCauses.WrongTarget] = ["Keep one source of truth for ports and socket paths (templated into both nginx and the service)", "Check address family: bind the backend on the address nginx dials (127.0.0.1 vs ::1)", "Add a post-deploy check that curls every upstream as nginx addresses it"],
        [RootCauses.UnixSocketMissing] = ["Create the socket from the service (or systemd socket unit) nginx points to; keep the path in one place", "Order nginx after the backend (After=/Requires=) so the socket exists at start"],
        [RootCauses.UnixSocketPermission] = ["Set the socket's listen.owner/listen.group/listen.mode to admit the nginx worker user", "Provision socket permissions in configuration management, not by hand"],
        [RootCauses.SelinuxDenied] = ["Provision SELinux booleans (httpd_can_network_connect) or port labels (semanage port) with the host", "Alert on AVC denials for nginx"],
        [RootCauses.StaleKeepalive] = ["Set proxy_http_version 1.1 and proxy_set_header Connection \"\" with upstream keepalive", "Make keepalive_timeout on nginx shorter than the backend's idle timeout"],
        [RootCauses.OomKilled] = ["Right-size the backend's memory limit and worker count", "Alert on kernel OOM kills of backend processes"],
        [RootCauses.AppCrash] = ["Collect core dumps / crash logs of the backend workers", "Add a canary that catches crashing releases before full rollout"],
        [RootCauses.PhpFatal] = ["Fix the PHP fatal error and add a test for that code path", "Alert on PHP fatal errors in the FPM log"],
        [RootCauses.AppWorkerTimeout] = ["Align app-server timeouts (gunicorn --timeout, request_terminate_timeout) with proxy_read_timeout", "Move slow work out of the request path"],
        [RootCauses.FpmPoolExhausted] = ["Capacity-plan pm.max_children from memory per child and traffic", "Alert when FPM reaches pm.max_children"],
        [RootCauses.ProtocolMismatch] = ["Match the *_pass scheme to what the target speaks (http vs https vs fastcgi)", "Add a config test that checks each upstream's protocol"],
        [RootCauses.UpstreamTls] = ["Enable proxy_ssl_server_name and pin protocols/ciphers both sides support", "Monitor upstream certificate expiry and chain"],
        [RootCauses.HeaderTooBig] = ["Raise proxy_buffer_size/fastcgi_buffer_size to the backend's largest header, or shrink the header (cookies)"],
        [RootCauses.NoLiveUpstreams] = ["Review max_fails/fail_timeout so one failure does not take every member out", "Fix each member's own failure first"],
        [Causes.UpstreamTimeoutRead] = ["Find the slow endpoint; align proxy_read_timeout with the application's budget"],
        [Causes.DnsResolution] = ["Configure a resolver and valid= for dynamic upstream names; monitor the resolver"],
        [Causes.FdExhaustion] = ["Raise worker_rlimit_nofile / LimitNOFILE and worker_connections together"],
        [Causes.EphemeralPortExhaustion] = ["Enable upstream keepalive to reuse connections; widen ip_local_port_range"],
    };

    private static readonly string[] Fallback = ["Add monitoring that would have detected this before users did", "Write down the diagnosis steps that found the cause"];

    /// <summary>Action items for the root cause, or generic ones when the cause is unknown.</summary>
    public static IReadOnlyList<string> For(string? rootCause) =>
        rootCause is not null && Items.TryGetValue(rootCause, out var items) ? items : Fallback;
}
