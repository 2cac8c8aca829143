using Nginx502Bot.Agent.Probes;
using V1 = Nginx502Bot.Agent.Contract.V1;

namespace Nginx502Bot.Agent.Service;

/// <summary>Wire request → domain query, with the bounds a caller must respect.</summary>
public static class RequestMapper
{
    public const int MaxExcerptChars = 1024 * 1024;
    public const int MaxNameChars = 512;

    public static DiagnoseQuery ToQuery(V1.DiagnoseRequest r)
    {
        if (r.ErrorLogExcerpt.Length > MaxExcerptChars) { throw new AgentRequestException($"error_log_excerpt is longer than {MaxExcerptChars} characters"); }
        if (r.ServerName.Length > MaxNameChars || r.UpstreamTarget.Length > MaxNameChars) { throw new AgentRequestException("server_name/upstream_target too long"); }
        if (r.ServerName.Any(char.IsControl) || r.UpstreamTarget.Any(char.IsControl)) { throw new AgentRequestException("server_name/upstream_target hold control characters"); }
        var start = r.WindowStart?.ToDateTime().ToLocalTime();
        var end = r.WindowEnd?.ToDateTime().ToLocalTime();
        if (start > end) { throw new AgentRequestException("window_start is after window_end"); }
        return new DiagnoseQuery
        {
            ServerName = Empty(r.ServerName), UpstreamTarget = Empty(r.UpstreamTarget), WindowStart = start, WindowEnd = end,
            ErrorLogExcerpt = Empty(r.ErrorLogExcerpt), CorrelationId = Empty(r.Meta?.CorrelationId ?? ""),
        };
    }

    private static string? Empty(string s) => s.Length == 0 ? null : s;
}
