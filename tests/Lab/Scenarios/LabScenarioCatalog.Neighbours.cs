namespace Nginx502Bot.Lab.Scenarios;

public static partial class LabScenarioCatalog
{
    /// <summary>
    /// The statuses next to 502 that nginx makes itself around an upstream: auth_request turns its subrequest's 502 into
    /// 500, limit_req refuses with 503 before any upstream is dialled.
    /// </summary>
    private static IEnumerable<LabScenarioDefinition> Neighbours()
    {
        // The subrequest's connect() failure carries subrequest: "..."; the decisive record is auth_request's own.
        yield return new()
        {
            Name = "auth_subrequest_failed",
            Breaks = "auth_request to an internal location whose proxy_pass port has nothing listening",
            ExpectedCause = "not_an_upstream_error",
            ExpectedStatus = 500,
            ExpectedClientStatus = "500",
            DecisiveNames = "auth request unexpected status: 502",
            Build = t => AuthRequest("auth_subrequest_failed", t),
        };
        yield return new()
        {
            Name = "rate_limited",
            Breaks = "limit_req at 1 request a minute, no burst; the second of 2 requests is refused",
            ExpectedCause = "rate_limited",
            ExpectedStatus = 503,
            ExpectedClientStatus = "503",
            Requests = 2,
            DecisiveNames = "by zone \"lab_rate\"",
            Build = t => new LabLocation
            {
                Directives = ["limit_req zone=lab_rate;", $"proxy_pass http://127.0.0.1:{t.HttpServerPort};"],
                Dials = $"127.0.0.1:{t.HttpServerPort}",
                HttpBlock = ["limit_req_zone $binary_remote_addr zone=lab_rate:1m rate=1r/m;"],
            },
        };
    }

    private static LabLocation AuthRequest(string name, LabTargets targets)
    {
        var dead = $"127.0.0.1:{LabTargets.Port()}";
        return new LabLocation
        {
            Directives = [$"auth_request /{name}_auth;", $"proxy_pass http://127.0.0.1:{targets.HttpServerPort};"],
            Dials = dead,
            ServerBlock = [$"location = /{name}_auth {{ internal; proxy_pass http://{dead}; }}"],
        };
    }
}
