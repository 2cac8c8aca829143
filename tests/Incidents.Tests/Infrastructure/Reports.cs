using Nginx502Bot.Incidents.Model;

namespace Nginx502Bot.Incidents.Tests.Infrastructure;

/// <summary>Report builders with unique keys so tests sharing a database never join each other's incidents.</summary>
public static class Reports
{
    public static IncidentReport For(string upstream, DateTimeOffset at, int count = 3, string? vhost = null, string? rootCause = "upstream_down") => new()
    {
        DeliveryKey = "evt-" + Guid.NewGuid().ToString("N"),
        Actor = "U123alice",
        ReportedAt = at,
        Channel = "#ops",
        ThreadTs = "1700000000.000100",
        Hosts = ["web-1"],
        VirtualHosts = vhost is null ? [] : [vhost],
        Upstreams = [upstream],
        RootCause = rootCause,
        Count502 = count,
        First502At = at.AddMinutes(-5),
        Last502At = at.AddMinutes(-1),
        Times502 = [.. Enumerable.Range(0, count).Select(i => at.AddMinutes(-5).AddSeconds(i * 10))],
        Summary = $"{count} 502s: connect() failed (111: Connection refused) to {upstream}",
        DiagnosisJson = """{"findings":[{"cause":"upstream_down","evidence":["connect() failed (111: Connection refused)"]}]}""",
    };

    public static string Upstream() => $"10.0.{Random.Shared.Next(0, 255)}.{Random.Shared.Next(1, 255)}:{Random.Shared.Next(1024, 65000)}-{Guid.NewGuid():N}"[..40];
}
