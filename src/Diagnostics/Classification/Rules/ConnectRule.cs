using Nginx502Bot.Diagnostics.Parsing;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Classification.Rules;

/// <summary>
/// C1–C3 <c>connect() to PEER failed</c> / <c>connect() failed</c>: every errno from connect() gives 502 (never 500).
/// The errno, and whether the peer is a unix socket, decide the cause.
/// </summary>
public sealed class ConnectRule : INginxRule
{
    public bool TryClassify(ReadOnlySpan<char> text, in NginxLine line, out Verdict verdict)
    {
        var m = RuleContext.Message(text, line);
        if (!m.StartsWith("connect() ", StringComparison.Ordinal) && !m.StartsWith("kevent() reported that connect() failed", StringComparison.Ordinal))
        {
            verdict = default;
            return false;
        }

        var cause = RuleContext.IsUnixTarget(text, line) ? Unix(line.Errno) : Tcp(line.Errno);
        verdict = new Verdict(cause, 502);
        return true;
    }

    private static string Unix(Errno errno) => errno switch
    {
        Errno.NoSuchFile => Causes.UnixSocketMissing,
        Errno.PermissionDenied => Causes.UnixSocketPermission,
        Errno.ConnectionRefused => Causes.UpstreamDown,
        Errno.WouldBlock => Causes.ListenBacklogFull,
        _ => Tcp(errno),
    };

    private static string Tcp(Errno errno) => errno switch
    {
        Errno.ConnectionRefused => Causes.UpstreamDown,
        Errno.PermissionDenied => Causes.SelinuxDenied,
        Errno.OperationNotPermitted => Causes.FirewallBlocked,
        Errno.HostUnreachable or Errno.HostDown => Causes.NoRoute,
        Errno.NetworkUnreachable or Errno.NetworkDown => Causes.NetworkUnreachable,
        Errno.AddressNotAvailable => Causes.EphemeralPortExhaustion,
        Errno.TimedOut => Causes.UpstreamTimeoutConnect,
        Errno.ConnectionReset or Errno.NotConnected => Causes.ConnectionReset,
        _ => Causes.NotAnUpstreamError,
    };
}
