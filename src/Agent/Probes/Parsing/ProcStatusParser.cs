namespace Nginx502Bot.Agent.Probes.Parsing;

/// <summary>Fields of /proc/PID/status: Name, PPid and the real Uid.</summary>
public static class ProcStatusParser
{
    public static (string? Name, int? ParentPid, int? Uid) Parse(string status)
    {
        string? name = null;
        int? ppid = null, uid = null;
        foreach (var line in status.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon < 0) { continue; }
            var value = line[(colon + 1)..].Trim();
            switch (line[..colon])
            {
                case "Name": name = value; break;
                case "PPid": ppid = int.TryParse(value, out var p) ? p : null; break;
                case "Uid": uid = int.TryParse(value.Split('\t', ' ')[0], out var u) ? u : null; break;
            }
        }

        return (name, ppid, uid);
    }
}
