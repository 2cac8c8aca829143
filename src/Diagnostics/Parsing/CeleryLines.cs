using Nginx502Bot.Diagnostics.Records;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// Celery's worker log about the pool's child processes, behind Celery's head (<c>[2021-09-03 12:36:46,914:
/// ERROR/MainProcess] </c>): billiard's <c>Process 'ForkPoolWorker-31' pid:90 exited with 'signal 9 (SIGKILL)'</c> and
/// the task handler's <c>WorkerLostError('Worker exited prematurely: signal 9 (SIGKILL) Job: 348.')</c>. The pool's
/// master reports a child that died as gunicorn's arbiter does: a fatal signal or a non-zero exit code is app_crash; a
/// stop signal (TERM, INT, HUP, QUIT) or exit code 0 is context. The pool is read as a supervisor of its workers.
/// </summary>
internal static class CeleryLines
{
    private const string ExitedWith = " exited with '";
    private const string ExitedPrematurely = "Worker exited prematurely: ";

    /// <summary>
    /// The line when <paramref name="inner"/> (the head bracket's text, its time already read as <paramref name="time"/>)
    /// is Celery's <c>TIME,MS: LEVEL/PROCESS</c> and the message at <paramref name="rest"/> reports a pool worker's end.
    /// </summary>
    internal static bool TryPoolWorkerExit(ReadOnlySpan<char> s, ReadOnlySpan<char> inner, int rest, DateTime time, ref CompanionLine c)
    {
        // "2021-09-03 12:36:46,914: ERROR/MainProcess": milliseconds after a comma, then ": LEVEL/".
        if (inner.Length < 26 || inner[19] != ',' || inner[23..].IndexOf(": ", StringComparison.Ordinal) != 0 || inner.IndexOf('/') < 26)
        {
            return false;
        }

        var m = s[rest..];
        var at = m.IndexOf(ExitedPrematurely, StringComparison.Ordinal);
        var status = at >= 0 ? m[(at + ExitedPrematurely.Length)..] : ExitClause(m);
        if (status.IsEmpty)
        {
            return false;
        }

        c.Kind = RecordKind.Supervisor;
        c.Time = time;
        c.Level = new Segment(1 + 25, inner.IndexOf('/') - 25);
        c.Message = Segment.Between(rest, s.Length);
        c.Cause = Died(status) ? Causes.AppCrash : Causes.NotAnUpstreamError;
        return true;
    }

    /// <summary>After billiard's "Process 'NAME' pid:N exited with '": the status it quotes, or empty.</summary>
    private static ReadOnlySpan<char> ExitClause(ReadOnlySpan<char> m)
    {
        if (!m.StartsWith("Process '", StringComparison.Ordinal))
        {
            return [];
        }

        var at = m.IndexOf(ExitedWith, StringComparison.Ordinal);
        return at < 0 ? [] : m[(at + ExitedWith.Length)..];
    }

    /// <summary>billiard's status text: <c>signal 9 (SIGKILL)</c> or <c>exitcode 1</c>.</summary>
    private static bool Died(ReadOnlySpan<char> status)
    {
        if (status.StartsWith("signal ", StringComparison.Ordinal))
        {
            var p = "signal ".Length;
            var number = DecimalText.ReadNumber(status, ref p);
            return number > 0 && !StopSignals.ContainsNumber(number);
        }

        if (status.StartsWith("exitcode ", StringComparison.Ordinal))
        {
            var p = "exitcode ".Length;
            return DecimalText.ReadNumber(status, ref p) is > 0;
        }

        return false;
    }
}
