using Nginx502Bot.Agent.Probes.Parsing;
using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Agent.Probes;

/// <summary>Reads the tail of a log and keeps the companion events inside the query window.</summary>
public static class LogEventReader
{
    public static (IReadOnlyList<HostEvent> Events, bool Truncated)? Read(ProbeContext context, string path, string probe, Func<HostEvent, bool> keep)
    {
        if (context.Files.ReadTail(path) is not { } tail) { return null; }
        var year = context.Time.GetLocalNow().Year;
        var events = CompanionLineScanner.Scan(tail.Text, path, probe, year)
            .Where(e => e.Time is { } t && t >= context.WindowStart && t <= context.WindowEnd && keep(e))
            .Take(context.Options.MaxItems).ToArray();
        return (events, tail.Truncated);
    }
}
