using Nginx502Bot.Diagnostics.Records;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// bash's report that a command a script ran died of a signal, as container entrypoints print it when the app they
/// started is killed: <c>/scripts/entrypoint.sh: line 125:  2298 Killed                     "$@"</c> (the script, its
/// line, the child's pid padded, the signal's description padded, then the command). SIGKILL's "Killed" and SIGSEGV's
/// "Segmentation fault" are the app's death (app_crash), as systemd's status=9/KILL for a backend's main process is.
/// </summary>
internal static class ShellJobLines
{
    internal const string Killed = " Killed";
    internal const string SegmentationFault = " Segmentation fault";

    private const string LineMark = ": line ";

    internal static bool TryDeath(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var at = s[..Math.Min(s.Length, 2 * CompanionLineParser.MaxCompanionPrefix)].IndexOf(LineMark, StringComparison.Ordinal);
        if (at <= 0 || s[..at].Contains(' '))
        {
            return false;
        }

        var p = at + LineMark.Length;
        if (DecimalText.ReadNumber(s, ref p) < 0 || !s[p..].StartsWith(": ", StringComparison.Ordinal))
        {
            return false;
        }

        p += 2;
        while (p < s.Length && s[p] == ' ')
        {
            p++;
        }

        var pidStart = p;
        var pid = DecimalText.ReadNumber(s, ref p);
        var rest = s[p..];
        var signal = rest.StartsWith(Killed, StringComparison.Ordinal) ? Killed
            : rest.StartsWith(SegmentationFault, StringComparison.Ordinal) ? SegmentationFault : null;
        if (pid <= 0 || signal is null || (rest.Length > signal.Length && rest[signal.Length] != ' '))
        {
            return false;
        }

        c.Kind = RecordKind.Supervisor;
        c.Cause = Causes.AppCrash;
        c.Pid = pid < int.MaxValue ? (int)pid : -1;
        c.Message = Segment.Between(pidStart, s.Length);
        return true;
    }
}
