using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Agent.Probes.Parsing;

/// <summary>Parses <c>systemctl show UNIT -p ActiveState,SubState,MainPID,NRestarts,Result,LoadState</c> output.</summary>
public static class SystemctlShowParser
{
    /// <summary>The unit's state, or null when systemd does not know the unit (LoadState=not-found).</summary>
    public static ServiceState? Parse(string unit, string output)
    {
        var values = output.Split('\n').Select(l => l.Split('=', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.Ordinal);
        if (values.GetValueOrDefault("LoadState") == "not-found") { return null; }
        return new ServiceState
        {
            Name = unit,
            ActiveState = values.GetValueOrDefault("ActiveState"),
            SubState = values.GetValueOrDefault("SubState"),
            MainPid = int.TryParse(values.GetValueOrDefault("MainPID"), out var pid) && pid > 0 ? pid : null,
            Restarts = int.TryParse(values.GetValueOrDefault("NRestarts"), out var n) ? n : null,
            Result = values.GetValueOrDefault("Result"),
            Source = "systemd",
        };
    }
}
