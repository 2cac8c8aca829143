using Nginx502Bot.Diagnostics.Records;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// bash's report, from a script (a non-interactive shell), of a command a signal ended: the script's name, its line,
/// the pid in five columns, the signal's description padded to 24 columns, "(core dumped)" when there was one, then the
/// command: <c>./startNzbDrone.sh: line 2:  7477 Aborted                 (core dumped) mono NzbDrone.exe</c>. Start
/// scripts and container entrypoints run app servers this way (<c>/scripts/entrypoint.sh: line 125:  2298 Killed
/// "$@"</c>, the app killed at its memory limit), so the line is the backend's death notice, as systemd's status=9/KILL
/// for a backend's main process is. Only fatal signals are taken: a stop (Terminated, Hangup, Interrupt) is someone's
/// stop, as for systemd's and strace's lines. An interactive shell writes the description alone after the command it
/// ran in the foreground: <c>Segmentation fault (core dumped)</c>.
/// </summary>
internal static class ShellJobLines
{
    internal const string LineWord = ": line ";

    internal const string CoreDumped = " (core dumped)";

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

            // Padded to bash's status column, or, in a copy that lost the padding, behind the script's path alone.
            var rest = text[fatal.Length..];
            var padding = rest.Length - rest.TrimStart(' ').Length;
            if (padding > 0 && (fatal.Length + padding >= StatusWidth || !s[..at].Contains(' ')) && !rest.Trim().IsEmpty)
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

    /// <summary>
    /// An interactive shell's report of the foreground command's death with a core dump, at the line's end behind a
    /// prefix at most (<c>Segmentation fault (core dumped)</c>); without "(core dumped)" a bare "Killed" or "Aborted"
    /// reads as a word of prose too often to be taken.
    /// </summary>
    internal static bool TryTerminalReport(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var line = s.TrimEnd(" \t`");
        if (!line.EndsWith(CoreDumped, StringComparison.Ordinal))
        {
            return false;
        }

        var text = line[..^CoreDumped.Length];
        foreach (var fatal in FatalSignalTexts)
        {
            var at = text.Length - fatal.Length;
            if (text.EndsWith(fatal, StringComparison.Ordinal) && at <= 2 * CompanionLineParser.MaxCompanionPrefix && IsPrefix(text[..at]))
            {
                c.Kind = RecordKind.Supervisor;
                c.Message = Segment.Between(at, line.Length);
                c.Cause = Causes.AppCrash;
                return true;
            }
        }

        return false;
    }

    /// <summary>What may stand before the shell's report: nothing, indentation, or a head ending in "|", ":", "]", "&gt;" or a backquote.</summary>
    private static bool IsPrefix(ReadOnlySpan<char> head)
    {
        var end = head.TrimEnd(" \t");
        return end.IsEmpty || (end.Length < head.Length && end[^1] is '|' or ':' or ']' or '>') || head is [.., '`'];
    }
}
