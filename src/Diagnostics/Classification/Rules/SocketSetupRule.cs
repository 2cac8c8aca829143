using Nginx502Bot.Diagnostics.Parsing;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Classification.Rules;

/// <summary>
/// C4–C8: nginx could not create or prepare the outgoing socket (<c>socket()</c>, <c>bind()</c>, transparent
/// <c>setsockopt()</c>): the request gets 500, not 502. Descriptor exhaustion is <see cref="FdExhaustionRule"/>'s.
/// </summary>
public sealed class SocketSetupRule : INginxRule
{
    public bool TryClassify(ReadOnlySpan<char> text, in NginxLine line, out Verdict verdict)
    {
        var m = RuleContext.Message(text, line);
        var connecting = RuleContext.Action(text, line).SequenceEqual(NginxActions.ConnectingToUpstream);
        var setup = m.StartsWith("socket() failed", StringComparison.Ordinal)
            || (connecting && (m.StartsWith("bind(", StringComparison.Ordinal) || m.StartsWith("setsockopt(IP", StringComparison.Ordinal)
                || m.StartsWith("setsockopt(SO_", StringComparison.Ordinal) || m.StartsWith("fcntl(", StringComparison.Ordinal)
                || m.StartsWith("ioctl(FIONBIO)", StringComparison.Ordinal) || m.StartsWith("could not enable transparent", StringComparison.Ordinal)));
        if (!setup || m.EndsWith("ignored", StringComparison.Ordinal))
        {
            verdict = default;
            return false;
        }

        // No cause id of its own in causes.md: nginx's configuration or kernel refused, not the upstream.
        verdict = new Verdict(Causes.NotAnUpstreamError, line.HasRequestContext ? 500 : null);
        return true;
    }
}
