using Nginx502Bot.Diagnostics.Records;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// PHP-FPM's master and children (<c>[pool www] child 12 exited on signal 9</c>, <c>server reached pm.max_children</c>)
/// and PHP's own error lines (<c>PHP Fatal error: ...</c>), with their cause ids.
/// </summary>
internal static class PhpFpmLines
{
    /// <summary>
    /// PHP-FPM's child message quoted without its time, level and pool: <c>child 15497 exited on signal 11 (SIGSEGV)</c>.
    /// Only this shape is taken; other text starting with "child" is not FPM's.
    /// </summary>
    internal static bool TryFpmChild(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        // The pid may be dropped by a writer quoting the message ("child exited on signal 11 (SIGSEGV)").
        var p = "child ".Length;
        var pid = DecimalText.ReadNumber(s, ref p);

        // Or masked by the writer ("child xxx exited on signal 11 (SIGSEGV)"): a short run of x or * where the pid was.
        var mask = pid > 0 ? 0 : s[p..].IndexOfAnyExcept("xX*");
        if (mask is > 0 and <= 8)
        {
            p += mask;
            pid = 1;
        }

        var exited = pid > 0 ? s[p..].StartsWith(" exited ", StringComparison.Ordinal)
            : s[p..].StartsWith("exited on signal ", StringComparison.Ordinal);
        if (!exited)
        {
            return false;
        }

        c.Kind = RecordKind.PhpFpm;
        c.Message = Segment.Between(0, s.Length);
        c.Cause = FpmCause(s, ref c);
        return true;
    }

    /// <summary>The master's pool-limit message as it begins, without its time, level and pool.</summary>
    internal const string ServerReached = "server reached ";

    /// <summary>
    /// FPM's master message quoted whole without its time, level and pool: <c>server reached pm.max_children setting (10),
    /// consider raising it</c> (before PHP 5.3.9 "max_children"). Only the full wording with its count and tail is taken,
    /// so a mention in prose ("server reached pm.max_children setting" alone, a placeholder for the count) is not.
    /// </summary>
    internal static bool TryFpmMaster(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var m = s.TrimEnd();
        var setting = m.IndexOf(" setting (", StringComparison.Ordinal);
        if (setting < ServerReached.Length)
        {
            return false;
        }

        var name = m[ServerReached.Length..setting];
        if (!name.SequenceEqual("pm.max_children") && !name.SequenceEqual("max_children"))
        {
            return false;
        }

        var p = setting + " setting (".Length;
        if (DecimalText.ReadNumber(m, ref p) <= 0 || !m[p..].SequenceEqual("), consider raising it"))
        {
            return false;
        }

        c.Kind = RecordKind.PhpFpm;
        c.Message = Segment.Between(0, s.Length);
        c.Cause = Causes.FpmPoolExhausted;
        return true;
    }

    /// <summary>
    /// PHP's fatal error anywhere in a sentence or behind markup ("I get the following error: _PHP Fatal error:  Allowed
    /// memory size ...", "then comes Fatal error: Out of memory (allocated ...)"): read from its start, in the log's form
    /// ("PHP Fatal error: ") or the display form ("Fatal error: "), which must stand as a word of its own; likewise the
    /// log's "PHP Parse error: ".
    /// </summary>
    internal static bool TryPhpFatalInProse(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var at = s.IndexOf(PhpDisplayFatal, StringComparison.Ordinal);
        if (at > 0)
        {
            var start = at >= 4 && s[(at - 4)..at].SequenceEqual("PHP ") ? at - 4 : at;
            return ReadInProse(s, start, ref c);
        }

        // The parse error (E_PARSE, fatal: the script never ran) in the log's form, or in the display form only with PHP's
        // own "syntax error, " after it: "Parse error: " alone is too common a phrase in other programs' words (round 83:
        // Nominatim's "`PHP Parse error:  syntax error, ...`"; round 110: "The message is: Parse error: syntax error, ...").
        at = s.IndexOf(PhpLogParse, StringComparison.Ordinal);
        if (at > 0)
        {
            return ReadInProse(s, at, ref c);
        }

        at = s.IndexOf(PhpDisplayParse, StringComparison.Ordinal);
        return at > 0 && ReadInProse(s, at, ref c);
    }

    private const string PhpLogParse = "PHP Parse error: ";

    /// <summary>PHP's display form of a parse error, <c>Parse error: syntax error, unexpected '[' in FILE on line N</c>.</summary>
    internal const string PhpDisplayParse = "Parse error: syntax error, ";

    /// <summary>
    /// PHP's display form of a parse error, read whole: PHP's "syntax error, " wording and the file and line it ends with, so
    /// another program's "Parse error: ..." is not taken (E_PARSE is fatal: the script never ran).
    /// </summary>
    internal static bool TryPhpDisplayParse(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        if (!s.Contains(" on line ", StringComparison.Ordinal) || !s.Contains(" in ", StringComparison.Ordinal))
        {
            return false;
        }

        return WholeLineIsPhpFatal(s, ref c);
    }

    /// <summary>What PHP's display form opens with when html_errors is on: <c>&lt;b&gt;Fatal error&lt;/b&gt;:  ...</c>.</summary>
    internal const string HtmlBold = "<b>";

    /// <summary>The fatal headings of PHP's display form with html_errors on (its warnings and notices are not fatal).</summary>
    private static readonly string[] HtmlFatalHeads = ["<b>Fatal error</b>: ", "<b>Parse error</b>: "];

    /// <summary>
    /// PHP's display form with html_errors on, as a browser's source view or an API's body shows it (round 113: a status
    /// page's parse error): <c>&lt;b&gt;Parse error&lt;/b&gt;:  syntax error, ... in &lt;b&gt;FILE&lt;/b&gt; on line &lt;b&gt;8&lt;/b&gt;&lt;br /&gt;</c>.
    /// Taken with the fatal heading and either PHP's bold line number or one of the engine's fatal messages after it (an
    /// uncaught exception's first line ends at its trace), so another page's bold "Fatal error" is not.
    /// </summary>
    internal static bool TryPhpHtmlDisplay(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        if (!SpanSearch.StartsWithAny(s, HtmlFatalHeads))
        {
            return false;
        }

        var m = s[(s.IndexOf(':') + 1)..].TrimStart(' ');
        if (!s.Contains(" on line <b>", StringComparison.Ordinal) && !SpanSearch.StartsWithAny(m, PhpEngineFatals))
        {
            return false;
        }

        return WholeLineIsPhpFatal(s, ref c);
    }

    /// <summary>
    /// PHP's record from <paramref name="start"/> on, when it stands as a word of its own. After "PHP message: " the text is
    /// PHP's stderr relayed inside another server's record (nginx's FastCGI record, Apache's proxy_fcgi, FPM's child
    /// line), as it is after lighttpd's "FastCGI-stderr: " and Apache mod_fcgid's "stderr: ": that record's own parser or
    /// label decides, not the quote inside it.
    /// </summary>
    private static bool ReadInProse(ReadOnlySpan<char> s, int start, ref CompanionLine c) =>
        start > 0 && !char.IsAsciiLetterOrDigit(s[start - 1]) && !s[..start].EndsWith("message: ", StringComparison.Ordinal)
        && !FollowsServerRelay(s[..start]) && CompanionLineParser.TryAt(s, start, '\0', ref c);

    /// <summary>
    /// The web servers' own words before the PHP text they relay from their FastCGI backend (round 110): lighttpd
    /// mod_fastcgi's <c>(mod_fastcgi.c.2543) FastCGI-stderr: </c> and Apache mod_fcgid's <c>mod_fcgid: stderr: </c>.
    /// </summary>
    private static readonly string[] ServerRelayMarkers = ["FastCGI-stderr: ", "mod_fcgid: stderr: "];

    /// <summary>
    /// True when <paramref name="before"/> ends with a web server's relay of its FastCGI backend's stderr, so the PHP text
    /// after it is that server's record, not PHP's own (a label-like "(mod_fastcgi.c.2694) FastCGI-stderr: PHP Parse error: ...").
    /// </summary>
    internal static bool FollowsServerRelay(ReadOnlySpan<char> before) => SpanSearch.EndsWithAny(before, ServerRelayMarkers);

    /// <summary>Takes the whole line as PHP's own fatal error, a companion record with no status of its own.</summary>
    internal static bool WholeLineIsPhpFatal(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        c.Kind = RecordKind.Php;
        c.Message = Segment.Between(0, s.Length);
        c.Cause = Causes.PhpFatal;
        return true;
    }

    /// <summary>PHP's display form of a fatal error (display_errors, the CLI): no "PHP " before it, unlike the log's.</summary>
    internal const string PhpDisplayFatal = "Fatal error: ";

    /// <summary>The engine's fatal messages that follow <see cref="PhpDisplayFatal"/>; other programs print "Fatal error: " too.</summary>
    private static readonly string[] PhpEngineFatals =
        ["Allowed memory size of ", "Maximum execution time of ", "Out of memory (allocated ", "Uncaught ", "Call to undefined ",
            "Cannot redeclare ", "Class ", "require(): Failed opening required ", "require_once(): Failed opening required "];

    /// <summary>
    /// PHP's display form, <c>Fatal error: Allowed memory size of 2097152 bytes exhausted (tried to allocate ...) in FILE on
    /// line N</c>, as the CLI and display_errors print it: the same fatal as the log's "PHP Fatal error:", a companion
    /// record with no status of its own.
    /// </summary>
    internal static bool TryPhpDisplay(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var m = s[PhpDisplayFatal.Length..].TrimStart(' ');
        if (!SpanSearch.StartsWithAny(m, PhpEngineFatals) && !EndsAtPhpLocation(m))
        {
            return false;
        }

        return WholeLineIsPhpFatal(s, ref c);
    }

    /// <summary>
    /// True when the message ends where PHP's display form always ends, <c>... in FILE on line N</c>: a fatal whose wording
    /// is not in <see cref="PhpEngineFatals"/> (a compile-time one such as "Default value for parameters with a class type
    /// hint can only be NULL in ... on line 118", round 110) is still PHP's; other programs' "Fatal error: ..." do not end so.
    /// </summary>
    private static bool EndsAtPhpLocation(ReadOnlySpan<char> m)
    {
        var t = m.TrimEnd();
        var digits = t.Length - t.TrimEnd("0123456789").Length;
        return digits > 0 && t[..^digits].EndsWith(" on line ", StringComparison.Ordinal) && t.Contains(" in ", StringComparison.Ordinal);
    }

    private static readonly string[] FpmLevels = ["NOTICE", "WARNING", "ERROR", "ALERT", "DEBUG"];

    internal static int FpmLevel(ReadOnlySpan<char> s, int at)
    {
        var t = s[at..];
        foreach (var level in FpmLevels)
        {
            if (t.StartsWith(level, StringComparison.Ordinal) && t.Length > level.Length && (t[level.Length] == ':' || t[level.Length] == ']'))
            {
                return level.Length;
            }
        }

        return 0;
    }

    internal static bool Fpm(ReadOnlySpan<char> s, int at, DateTime? time, ref CompanionLine c)
    {
        var levelLen = FpmLevel(s, at);
        c.Kind = RecordKind.PhpFpm;
        c.Time = time;
        c.Level = new Segment(at, levelLen);
        var p = at + levelLen + 1;
        while (p < s.Length && (s[p] == ' ' || s[p] == ']'))
        {
            p++;
        }

        var msg = s[p..];
        if (msg.StartsWith("[pool "))
        {
            var end = msg.IndexOf(']');
            if (end > 6)
            {
                c.Subject = new Segment(p + 6, end - 6);
                p += end + 1;
                while (p < s.Length && s[p] == ' ')
                {
                    p++;
                }
            }
        }

        c.Message = Segment.Between(p, s.Length);
        c.Cause = FpmCause(s[p..], ref c);
        return true;
    }

    /// <summary>
    /// The pool's message in FPM's own words, whole: the master's "server reached pm.max_children setting (N)" or a child's
    /// line ("child N exited on signal ..."), so a writer's shortened mention in prose is not taken for the record.
    /// </summary>
    internal static bool TryFpmPoolMessage(ReadOnlySpan<char> s, int close, int rest, ref CompanionLine c)
    {
        var m = s[rest..];
        var child = m.StartsWith("child ", StringComparison.Ordinal) && m.Length > 6 && char.IsAsciiDigit(m[6]);
        if (!child && !(m.StartsWith("server reached ", StringComparison.Ordinal) && m.Contains(" setting (", StringComparison.Ordinal)))
        {
            return false;
        }

        var probe = c;
        var cause = FpmCause(m, ref probe);
        if (cause == Causes.NotAnUpstreamError)
        {
            return false;
        }

        c = probe;
        c.Kind = RecordKind.PhpFpm;
        c.Subject = Segment.Between("[pool ".Length, close);
        c.Message = Segment.Between(rest, s.Length);
        c.Cause = cause;
        return true;
    }

    private static string FpmCause(ReadOnlySpan<char> m, ref CompanionLine c)
    {
        c.Pid = ChildPid(m);
        if (m.Contains("exited on signal", StringComparison.Ordinal))
        {
            return Causes.AppCrash;
        }

        if (m.Contains("reached pm.max_children", StringComparison.Ordinal) || m.Contains("reached max_children", StringComparison.Ordinal))
        {
            return Causes.FpmPoolExhausted;
        }

        if (m.Contains("execution timed out", StringComparison.Ordinal))
        {
            return Causes.AppWorkerTimeout;
        }

        // A child's stderr relayed by the master ("child 34 said into stderr: \"ERROR: Unable to open primary script: PATH
        // (No such file or directory)\""): fpm_main.c could not open the script nginx named, so the request got PHP-FPM's
        // 404 "No input file specified." (403 for EACCES). The log line is FPM's own, so it carries no status (round 119).
        if (m.Contains(UnableToOpenPrimaryScript, StringComparison.Ordinal))
        {
            return Causes.FastcgiScriptNotFound;
        }

        var code = m.IndexOf("exited with code ", StringComparison.Ordinal);
        if (code >= 0)
        {
            var p = code + "exited with code ".Length;
            return DecimalText.ReadNumber(m, ref p) > 0 ? Causes.AppCrash : Causes.NotAnUpstreamError;
        }

        // A framework's log entry cut to its level by the writer ("ERROR: Allowed memory size of ... {"exception":"[object]
        // (Symfony\\...\\FatalError(code: 0): ...", round 113) reads as FPM's level: the FatalError it names is PHP's fatal.
        return IsPhpFatal(m) || FrameworkFatalLines.NamesFatalError(m) ? Causes.PhpFatal : Causes.NotAnUpstreamError;
    }

    private const string UnableToOpenPrimaryScript = "said into stderr: \"ERROR: Unable to open primary script: ";

    private static int ChildPid(ReadOnlySpan<char> m)
    {
        var i = m.IndexOf("child ", StringComparison.Ordinal);
        if (i < 0)
        {
            i = m.IndexOf("unknown child (", StringComparison.Ordinal);
            if (i < 0)
            {
                return -1;
            }

            i += "unknown child (".Length - "child ".Length;
        }

        var p = i + "child ".Length;
        var pid = DecimalText.ReadNumber(m, ref p);
        return DecimalText.Pid(pid);
    }

    /// <summary>PHP's fatal families, also when they arrive inside FastCGI stderr or FPM's "said into stderr".</summary>
    public static bool IsPhpFatal(ReadOnlySpan<char> m) =>
        m.Contains("PHP Fatal error", StringComparison.Ordinal) || m.Contains("PHP Parse error", StringComparison.Ordinal)
        || m.Contains("PHP Recoverable fatal error", StringComparison.Ordinal) || m.Contains("PHP Core error", StringComparison.Ordinal)
        || m.Contains("PHP Compile error", StringComparison.Ordinal);

    internal static bool Php(ReadOnlySpan<char> s, int at, DateTime? time, ref CompanionLine c)
    {
        if (!s[at..].StartsWith("PHP "))
        {
            return false;
        }

        c.Kind = RecordKind.Php;
        c.Time = time;
        c.Message = Segment.Between(at, s.Length);
        c.Cause = IsPhpFatal(s[at..]) ? Causes.PhpFatal : Causes.NotAnUpstreamError;
        c.Status = c.Cause == Causes.PhpFatal && at == 0 ? StderrTailStatus(s) : null;
        return true;
    }

    /// <summary>
    /// Where FPM's "PHP message: " starts behind a writer's own label ("**error 1:** PHP message: PHP Fatal error: ..."),
    /// so the text is read from FPM's prefix on and its action can give PHP's status (round 110: espocrm); -1 when the
    /// window holds none, or when an FPM level is right before it ("NOTICE: PHP message: ...", FPM's own log).
    /// </summary>
    internal static int FpmStderrStart(ReadOnlySpan<char> window)
    {
        var at = window.IndexOf("PHP message: ", StringComparison.Ordinal);
        return at > 0 && !window[..at].EndsWith(": ", StringComparison.Ordinal) ? at : -1;
    }

    /// <summary>
    /// "PHP message: PHP Fatal error: ..." that ends in nginx's closing quote and a header-phase action
    /// (<c>... on line 620" while reading response header from upstream, client: ...</c>) is nginx's own FastCGI stderr
    /// record (F7) with its start cut off, not PHP-FPM's log: PHP answers 500, as for the whole record. Only FPM writes
    /// "PHP message: " first, into the stderr nginx logs, so the same text cut before any action is F7 with no action in
    /// view, 500 as well (round 110: "`PHP message: PHP Fatal error:  require_once(): Failed opening required ...`").
    /// </summary>
    private static int? StderrTailStatus(ReadOnlySpan<char> s)
    {
        if (!s.StartsWith("PHP message: ", StringComparison.Ordinal))
        {
            return null;
        }

        var w = s.IndexOf("\" while ", StringComparison.Ordinal);
        if (w < 0)
        {
            return s.Contains(" while ", StringComparison.Ordinal) ? null : 500;
        }

        var action = s[(w + "\" while ".Length)..];
        var comma = action.IndexOf(',');
        action = comma >= 0 ? action[..comma] : action.TrimEnd();
        return NginxActions.IsHeaderPhase(action) ? 500 : null;
    }
}
