using Nginx502Bot.Diagnostics.Parsing;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Classification.Rules;

/// <summary>
/// F7 <c>FastCGI sent in stderr: "..."</c>: informational by itself; the text decides. PHP fatal errors (PHP answers 500,
/// or 502 when the worker dies), <c>Primary script unknown</c> (PHP-FPM's own 404; 403 when the script could not be opened for want of permission), denied extensions (403), fcgiwrap's
/// refusals (403).
/// </summary>
public sealed class FastcgiStderrRule : INginxRule
{
    public bool TryClassify(ReadOnlySpan<char> text, in NginxLine line, out Verdict verdict)
    {
        var m = RuleContext.Message(text, line);
        if (!m.StartsWith("FastCGI sent in stderr", StringComparison.Ordinal) && !IsStderrQuoteAlone(m))
        {
            verdict = default;
            return false;
        }

        var body = RuleContext.BodyPhase(text, line);

        // A wrap inside the quoted text ("Primary " / "script unknown"), by a terminal or a blog, leaves a line break where
        // PHP wrote a space: read the text again without its breaks when it says nothing known as it is.
        verdict = Read(m, body)
            ?? (m.Contains('\n') ? Read(WithoutLineBreaks(m), body) : null)
            ?? new Verdict(Causes.NotAnUpstreamError, null);
        return true;
    }

    private static Verdict? Read(ReadOnlySpan<char> m, bool body)
    {
        if (PhpFpmLines.IsPhpFatal(m))
        {
            return new Verdict(Causes.PhpFatal, body ? null : 500);
        }

        if (m.Contains("Primary script unknown", StringComparison.Ordinal) || m.Contains("Unable to open primary script", StringComparison.Ordinal))
        {
            return new Verdict(Causes.FastcgiScriptNotFound, ScriptUnreadable(m) ? 403 : 404);
        }

        if (IsDeniedExtension(m) || FcgiwrapRefused(m) || GitBackendForbidden(m))
        {
            return new Verdict(Causes.NotAnUpstreamError, 403);
        }

        return GitBackendNotFound(m) ? new Verdict(Causes.NotAnUpstreamError, 404) : null;
    }

    // PHP-FPM's fpm_main.c logs "Unable to open primary script: PATH (strerror)" and answers 403 "Access denied." when the
    // open failed with EACCES, 404 "No input file specified." for any other errno.
    private static bool ScriptUnreadable(ReadOnlySpan<char> m) =>
        m.Contains("Unable to open primary script", StringComparison.Ordinal) && m.Contains("(Permission denied)", StringComparison.Ordinal);

    // fcgiwrap's cgi_error("403 Forbidden", ...) when it finds no script to run, the script is not on its allowed list, its
    // name is not a full path or its directory cannot be entered.
    private static bool FcgiwrapRefused(ReadOnlySpan<char> m) =>
        m.Contains("Cannot get script name, are DOCUMENT_ROOT and SCRIPT_NAME", StringComparison.Ordinal)
        || m.Contains("The given script is not allowed to execute", StringComparison.Ordinal)
        || m.Contains("Script name must be a fully qualified path", StringComparison.Ordinal)
        || m.Contains("Cannot chdir to script directory", StringComparison.Ordinal)
        || m.Contains("Cannot chdir to FCGI_CHDIR directory", StringComparison.Ordinal);

    // git http-backend (Git's smart HTTP CGI, often behind fcgiwrap) writes its refusal to stderr after sending the status:
    // not_found() answers 404 for a URL it has no service for, a directory that is no repository or one not exported ...
    private static bool GitBackendNotFound(ReadOnlySpan<char> m) =>
        m.Contains("Request not supported: '", StringComparison.Ordinal)
        || m.Contains("Not a git repository: '", StringComparison.Ordinal)
        || m.Contains("Repository not exported: '", StringComparison.Ordinal);

    // ... and forbidden() 403 for a service the repository does not enable (http.receivepack off, the push default) or
    // does not know.
    private static bool GitBackendForbidden(ReadOnlySpan<char> m) =>
        m.Contains("Service not enabled: '", StringComparison.Ordinal)
        || m.Contains("Unsupported service: '", StringComparison.Ordinal);

    // PHP-FPM's security.limit_extensions refusal ("Access to the script '%s' has been denied (see ...)") is the whole
    // stderr text, so a quote cut after the script's name still names it when the text opens with it.
    private static bool IsDeniedExtension(ReadOnlySpan<char> m) =>
        m.Contains("Access to the script", StringComparison.Ordinal)
        && (m.Contains("has been denied", StringComparison.Ordinal) || m.Contains("stderr: \"" + NginxLineParser.FastcgiDeniedExtension, StringComparison.Ordinal));

    // A writer who quotes PHP-FPM's answer from its opening quote on drops nginx's "FastCGI sent in stderr: " but keeps the
    // quoted text and the action after it, and one who copies from inside the quotes keeps the closing one; only that text
    // opens a message this way (nginx's own messages never start with a quote or a capital P or A), so the first character
    // decides before any text is compared. PHP-FPM's "Unable to open primary script: ..." is quoted the same way (round
    // 110). PHP-FPM's limit_extensions refusal is quoted from its own words on, often inside a sentence (round 90: "The
    // nginx error log is  "Access to the script '/srv/phpMyAdmin' has been denied ...").
    private static bool IsStderrQuoteAlone(ReadOnlySpan<char> m) =>
        m.Length > 0 && m[0] is '"' or 'P' or 'A'
        && (m.StartsWith("\"Primary script unknown\"", StringComparison.Ordinal) || m.StartsWith("Primary script unknown\"", StringComparison.Ordinal)
            || m.StartsWith(NginxLineParser.FastcgiUnableToOpen, StringComparison.Ordinal)
            || (m.StartsWith(NginxLineParser.FastcgiDeniedExtension, StringComparison.Ordinal) && IsDeniedExtension(m)));

    private static string WithoutLineBreaks(ReadOnlySpan<char> m) =>
        string.Join(' ', m.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
