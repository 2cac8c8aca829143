using System.Text.RegularExpressions;

namespace Nginx502Bot.Agent.Options;

/// <summary>What may be passed to systemctl as a unit name: systemd's own character set, nothing that looks like an option.</summary>
public static partial class UnitName
{
    public static bool IsValid(string name) => name.Length is > 0 and <= 256 && !name.StartsWith('-') && Pattern().IsMatch(name);

    [GeneratedRegex(@"^[A-Za-z0-9:_.\\@-]+\.(service|socket)$")]
    private static partial Regex Pattern();
}
