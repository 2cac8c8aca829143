using Nginx502Bot.Lab.Backends;

namespace Nginx502Bot.Lab.Scenarios;

/// <summary>
/// Every lab scenario. Cause ids are the strings of causes.md (kept literal here: the lab does not reference the engine).
/// Statuses are those of nginx 1.22.1 as Debian bookworm ships it.
/// </summary>
public static partial class LabScenarioCatalog
{
    public static IReadOnlyList<LabScenarioDefinition> All { get; } =
    [
        .. Connect(),
        .. UnixSockets(),
        .. Responses(),
        .. Protocols(),
        .. Handshakes(),
        .. Grpc(),
        .. Gateways(),
        .. Certificates(),
        .. Resolution(),
        .. Balancer(),
        .. AppServers(),
        .. Timeouts(),
        .. SlowPeers(),
        .. Clients(),
        .. Neighbours(),
    ];

    public static LabScenarioDefinition Get(string name) =>
        All.FirstOrDefault(d => d.Name == name) ?? throw new ArgumentException($"no lab scenario named {name}", nameof(name));

    private static LabLocation Proxy(string scheme, string address, IReadOnlyList<LabBackend> backends,
        string? listensAt = null, params string[] extra) => new()
    {
        Directives = [.. extra, $"proxy_pass {scheme}://{address};"],
        Dials = address,
        ListensAt = listensAt,
        Backends = backends,
    };

    /// <summary>A scenario with the verdict nginx's source gives it and the location that breaks it.</summary>
    private static LabScenarioDefinition Scenario(string name, string breaks, string? cause, int? status, string clientStatus,
        Func<LabTargets, LabLocation> build) => new()
    {
        Name = name,
        Breaks = breaks,
        ExpectedCause = cause,
        ExpectedStatus = status,
        ExpectedClientStatus = clientStatus,
        Build = build,
    };

    private static LabLocation Prepend(LabLocation location, params string[] directives) =>
        location with { Directives = [.. directives, .. location.Directives] };

    private static LabLocation Raw(string mode)
    {
        var port = LabTargets.Port();
        return Proxy("http", $"127.0.0.1:{port}", [new LabBackend { Mode = mode, Port = port }]);
    }
}
