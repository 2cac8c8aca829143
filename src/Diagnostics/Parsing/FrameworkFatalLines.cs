namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// PHP's fatal errors as a framework logs or reports them (round 113). A fatal error is no exception a framework catches
/// while it handles the request: PHP stops the script, and the framework's shutdown handler only reads
/// <c>error_get_last()</c> and logs it. Symfony's ErrorHandler (Laravel 6 and later) and its older Debug component
/// (Laravel 5) build a <c>FatalError</c> or <c>FatalErrorException</c> for it, so a line naming either class is PHP's fatal:
/// <c>[2025-10-12 14:06:01] local.ERROR: Allowed memory size of ... {"exception":"[object] (Symfony\\Component\\ErrorHandler\\Error\\FatalError(code: 0): ...</c>,
/// Bugsnag's <c>**Symfony\Component\Debug\Exception\FatalErrorException** in **GET /logs**</c>. Without the class, a
/// Monolog entry (Laravel's <c>local.ERROR: </c>) whose message is PHP's own fatal text is read the same way: the memory and
/// time limits, and PHP's message for an exception nothing caught (<c>Uncaught ReflectionException: ... in Command line
/// code:1</c>), which Symfony's <c>Uncaught PHP Exception X: ...</c> of an exception its kernel caught is not. So is
/// PHP's limit message alone on its line, as frameworks quote it (<c>'Maximum execution time of 30 seconds exceeded' in
/// FILE:58</c>). A framework's log of an exception it caught and answered stays context. Companion records with no status
/// of their own, tried late.
/// </summary>
internal static class FrameworkFatalLines
{
    /// <summary>
    /// The end of the class Symfony builds for PHP's fatal (<c>...\Error\FatalError</c>, <c>...\Exception\FatalErrorException</c>),
    /// with single or JSON-doubled backslashes; Laravel 5's <c>\FatalThrowableError</c> (a PHP 7 Error it caught) does not match.
    /// </summary>
    internal const string FatalErrorClass = "\\FatalError";

    /// <summary>PHP's message for memory_limit: <c>Allowed memory size of 134217728 bytes exhausted (tried to allocate ...)</c>.</summary>
    internal const string MemoryLimit = "Allowed memory size of ";

    /// <summary>PHP's message for max_execution_time: <c>Maximum execution time of 30 seconds exceeded</c>.</summary>
    internal const string TimeLimit = "Maximum execution time of ";

    /// <summary>Monolog's error levels before the message (<c>local.ERROR: </c>, <c>app.CRITICAL: </c>), the channel's dot before them.</summary>
    private static readonly string[] MonologLevels = [".ERROR: ", ".CRITICAL: ", ".ALERT: ", ".EMERGENCY: "];

    /// <summary>Monolog's entry with PHP's uncaught-exception fatal as its message.</summary>
    internal const string MonologUncaught = "ERROR: Uncaught ";

    /// <summary>How far into the line Monolog's level may start (its time and a channel name come first).</summary>
    private const int MaxLevelStart = 96;

    internal static bool NamesFatalError(ReadOnlySpan<char> s) => s.Contains(FatalErrorClass, StringComparison.Ordinal);

    internal static bool TryFrameworkFatal(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        if (!NamesFatalError(s) && !IsMonologEngineFatal(s) && !IsLimitMessage(s))
        {
            return false;
        }

        return PhpFpmLines.WholeLineIsPhpFatal(s, ref c);
    }

    /// <summary>A Monolog entry at an error level whose message is PHP's own fatal text.</summary>
    private static bool IsMonologEngineFatal(ReadOnlySpan<char> s)
    {
        var window = s[..Math.Min(s.Length, MaxLevelStart)];
        foreach (var level in MonologLevels)
        {
            var at = window.IndexOf(level, StringComparison.Ordinal);
            if (at > 0)
            {
                var m = s[(at + level.Length)..];
                return StartsWithLimit(m) || IsUncaughtFatal(m) || (m.StartsWith(OutOfMemory, StringComparison.Ordinal) && m.Length > OutOfMemory.Length && char.IsAsciiDigit(m[OutOfMemory.Length]));
            }
        }

        return false;
    }

    /// <summary>PHP's fatal for an exception nothing caught, <c>Uncaught NAME: message</c>; Symfony's <c>Uncaught PHP Exception</c> is its kernel's catch.</summary>
    private static bool IsUncaughtFatal(ReadOnlySpan<char> m)
    {
        if (!m.StartsWith("Uncaught ", StringComparison.Ordinal) || m.StartsWith("Uncaught PHP Exception", StringComparison.Ordinal))
        {
            return false;
        }

        var name = m["Uncaught ".Length..];
        var end = name.IndexOf(": ", StringComparison.Ordinal);
        return end > 0 && !name[..end].ContainsAny(' ', '"');
    }

    /// <summary>
    /// PHP's limit message alone on its line, behind indentation, an opening quote or Markdown's emphasis, or behind a log's
    /// time stamp (a build log's <c>2025-Jul-05 02:53:02.752252 Allowed memory size of ...</c>, round 113).
    /// </summary>
    private static bool IsLimitMessage(ReadOnlySpan<char> s)
    {
        var m = s.TrimStart(" \t'`\"_*>");
        if (StartsWithLimit(m))
        {
            return true;
        }

        var at = m.IndexOf(MemoryLimit, StringComparison.Ordinal);
        if (at < 0)
        {
            at = m.IndexOf(TimeLimit, StringComparison.Ordinal);
        }

        return at > 0 && IsTimeStamp(m[..at]) && StartsWithLimit(m[at..]);
    }

    /// <summary>Longest time stamp taken before the message.</summary>
    private const int MaxStampLength = 40;

    /// <summary>
    /// A time stamp's shape: digits (four at least) and their separators, and letters only in runs of three at most (a
    /// month's name, a zone's "T" or "Z"), so a writer's words before the message are not one.
    /// </summary>
    private static bool IsTimeStamp(ReadOnlySpan<char> before)
    {
        if (before.Length > MaxStampLength || !before.EndsWith(" ", StringComparison.Ordinal))
        {
            return false;
        }

        var digits = 0;
        var letters = 0;
        foreach (var ch in before)
        {
            if (char.IsAsciiDigit(ch))
            {
                digits++;
                letters = 0;
            }
            else if (char.IsAsciiLetter(ch))
            {
                if (++letters > 3)
                {
                    return false;
                }
            }
            else if (ch is ' ' or '-' or ':' or '.' or '/' or ',' or '+' or '[' or ']')
            {
                letters = 0;
            }
            else
            {
                return false;
            }
        }

        return digits >= 4;
    }

    /// <summary>PHP's memory or time limit message with its number.</summary>
    private static bool StartsWithLimit(ReadOnlySpan<char> m)
    {
        var at = m.StartsWith(MemoryLimit, StringComparison.Ordinal) ? MemoryLimit.Length
            : m.StartsWith(TimeLimit, StringComparison.Ordinal) ? TimeLimit.Length : -1;
        return at > 0 && at < m.Length && char.IsAsciiDigit(m[at]);
    }

    /// <summary>
    /// PHP's allocator when the system refuses it, <c>Out of memory (allocated 142606336) (tried to allocate ...)</c>: taken
    /// after Monolog's level only (alone on its line it stays context, as the corpus decided before).
    /// </summary>
    private const string OutOfMemory = "Out of memory (allocated ";
}
