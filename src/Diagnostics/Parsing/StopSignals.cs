namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// The signals a service manager or an operator sends to stop or reload a process rather than kill it: TERM, INT, HUP and
/// QUIT. A process that ends on one of them was stopped (context); on any other fatal signal it died (app_crash).
/// </summary>
internal static class StopSignals
{
    /// <summary>The signal's name, with or without its "SIG" (<c>TERM</c>, <c>SIGTERM</c>), is a stop or a reload.</summary>
    public static bool Contains(ReadOnlySpan<char> name)
    {
        if (name.StartsWith("SIG", StringComparison.Ordinal))
        {
            name = name[3..];
        }

        return name is "TERM" or "INT" or "HUP" or "QUIT";
    }

    /// <summary>A signal's number on Linux that is a stop or a reload: 1 (HUP), 2 (INT), 3 (QUIT), 15 (TERM).</summary>
    public static bool ContainsNumber(long number) => number is 1 or 2 or 3 or 15;

    /// <summary>systemd's <c>status=</c> value of a signal, number and name (<c>15/TERM</c>, <c>9/KILL</c>): a stop or a reload.</summary>
    public static bool ContainsSystemdStatus(ReadOnlySpan<char> value)
    {
        var slash = value.IndexOf('/');
        if (slash <= 0)
        {
            return false;
        }

        var name = value[(slash + 1)..];
        var end = name.IndexOfAnyExceptInRange('A', 'Z');
        return Contains(end < 0 ? name : name[..end]);
    }
}
