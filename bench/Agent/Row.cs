using System.Globalization;

namespace Nginx502Bot.Agent.Bench;

/// <summary>One printed figure beside its target; <see cref="Met"/> is null when the issue sets no target for it.</summary>
public sealed record Row(string Measure, string Value, string Target, bool? Met)
{
    public static Row Of(string measure, double value, string unit, double? target = null, string? note = null) => new(
        measure,
        string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {unit}") + (note is null ? "" : $" ({note})"),
        target is { } t ? string.Create(CultureInfo.InvariantCulture, $"<= {t:0.#} {unit}") : "-",
        target is { } t2 ? value <= t2 : null);

    public static void Print(IEnumerable<Row> rows)
    {
        Console.WriteLine($"| {"measure",-58} | {"measured",-34} | {"target",-12} | {"met",-4} |");
        Console.WriteLine($"|{new string('-', 60)}|{new string('-', 36)}|{new string('-', 14)}|{new string('-', 6)}|");
        foreach (var r in rows)
        {
            var met = r.Met switch { true => "yes", false => "NO", null => "-" };
            Console.WriteLine($"| {r.Measure,-58} | {r.Value,-34} | {r.Target,-12} | {met,-4} |");
        }
    }
}
