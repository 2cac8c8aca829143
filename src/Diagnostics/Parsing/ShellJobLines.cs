using Nginx502Bot.Diagnostics.Records;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// bash's report, from a script (a non-interactive shell), of a command a signal ended: the script's name, its line,
/// the pid in five columns, the signal's description padded to 24 columns, "(core dumped)" when there was one, then the
/// command: <c>./startNzbDrone.sh: line 2:  7477 Aborted                 (core dumped) mono NzbDrone.exe</c>. Start
/// scripts run app servers this way, so the line is the backend's death notice. Only fatal signals are taken: a stop
/// (Terminated, Hangup, Interrupt) is someone's stop, as for systemd's and strace's lines.
/// </summary>
internal static class ShellJobLines
{
    internal const string LineWord = ": line ";

    /// <summary>bash's descriptions (strsignal's) of the signals that end a program that did not ask for it.</summary>
    private static readonly string[] FatalSignalTexts =
        ["Segmentation fault", "Aborted", "Killed", "Bus error", "Illegal instruction", "Floating point exception"];

    /// <summary>The column bash pads a job's status to (LONGEST_SIGNAL_DESC in its jobs.c).</summary>
    private const int StatusWidth = 24;

    /// <summary>The shell's report of a command killed by a fatal signal, read as a supervisor record of app_crash.</summary>
    internal static bool TryDeath(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var at = s.IndexOf(LineWord, StringComparison.Ordinal);
        if (at <= 0 || at > 2 * CompanionLineParser.MaxCompanionPrefix || s[at - 1] == ' ')
        {
            return false;
        }

        var p = at + LineWord.Length;
        if (DecimalText.ReadNumber(s, ref p) < 0 || !s[p..].StartsWith(": ", StringComparison.Ordinal))
        {
            return false;
        }

        p += 2;
        while (p < s.Length && s[p] == ' ')
        {
            p++;
        }

        var pid = DecimalText.ReadNumber(s, ref p);
        if (pid <= 0 || pid > int.MaxValue || p >= s.Length || s[p] != ' ')
        {
            return false;
        }

        var text = s[p..].TrimStart(' ');
        foreach (var fatal in FatalSignalTexts)
        {
            if (!text.StartsWith(fatal, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = text[fatal.Length..];
            var padding = rest.Length - rest.TrimStart(' ').Length;
            if (padding > 0 && fatal.Length + padding >= StatusWidth && !rest.Trim().IsEmpty)
            {
                c.Kind = RecordKind.Supervisor;
                c.Pid = (int)pid;
                c.Message = Segment.Between(s.Length - text.Length, s.Length);
                c.Cause = Causes.AppCrash;
                return true;
            }
        }

        return false;
    }
}
