using Nginx502Bot.Diagnostics.Parsing;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Classification.Rules;

/// <summary>
/// The fallback: everything no other rule placed is <c>not_an_upstream_error</c>, never a guess. The status is the one
/// nginx answers for the well-known non-upstream errors (static files, limits, configuration), otherwise none.
/// </summary>
public sealed class NotUpstreamRule : INginxRule
{
    public bool TryClassify(ReadOnlySpan<char> text, in NginxLine line, out Verdict verdict)
    {
        verdict = new Verdict(Causes.NotAnUpstreamError, RuleContext.ForRequest(line) ? StatusOf(RuleContext.Message(text, line), line.Errno) : null);
        return true;
    }

    private static int? StatusOf(ReadOnlySpan<char> m, Errno errno)
    {
        // "CreateFile() ..." is the Windows build's open() (ngx_open_file_n in os/win32).
        if ((m.StartsWith("open() \"", StringComparison.Ordinal) || m.EndsWith("\" is not found", StringComparison.Ordinal)
            || m.StartsWith("stat() \"", StringComparison.Ordinal) || m.StartsWith("CreateFile() \"", StringComparison.Ordinal)) && errno != Errno.None)
        {
            return errno switch
            {
                Errno.NoSuchFile => 404,
                Errno.PermissionDenied => 403,
                _ => null,
            };
        }

        if (m.EndsWith("is forbidden", StringComparison.Ordinal) || m.StartsWith("access forbidden by rule", StringComparison.Ordinal))
        {
            return 403;
        }

        if (m.StartsWith("client intended to send too large body", StringComparison.Ordinal))
        {
            return 413;
        }

        if (m.StartsWith("key: \"", StringComparison.Ordinal) && m.EndsWith("was not found by memcached", StringComparison.Ordinal))
        {
            return 404;
        }

        var configError = m.StartsWith("no port in upstream", StringComparison.Ordinal) || m.StartsWith("no upstream configuration", StringComparison.Ordinal)
            || m.StartsWith("invalid URL prefix", StringComparison.Ordinal) || m.StartsWith("zero length URI to proxy", StringComparison.Ordinal)
            || m.StartsWith("auth request unexpected status", StringComparison.Ordinal) || m.StartsWith("rewrite or internal redirection cycle", StringComparison.Ordinal)
            || m.StartsWith("the \"$memcached_key\" variable is not set", StringComparison.Ordinal) || m.StartsWith("invalid header after joining FastCGI records", StringComparison.Ordinal);
        return configError ? 500 : null;
    }
}
