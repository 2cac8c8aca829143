namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// The <c>log-&gt;action</c> strings nginx appends as <c>" while &lt;action&gt;"</c> (nginx-502-messages.md §1.3),
/// and what each says about whether the client already has a status.
/// </summary>
public static class NginxActions
{
    public const string ConnectingToUpstream = "connecting to upstream";
    public const string SslHandshakingToUpstream = "SSL handshaking to upstream";
    public const string SendingRequestToUpstream = "sending request to upstream";
    public const string ReadingResponseHeader = "reading response header from upstream";
    public const string SendingEarlyHints = "sending early hints to client";
    public const string ReadingUpstream = "reading upstream";
    public const string SendingToClient = "sending to client";
    public const string ProxyingUpgraded = "proxying upgraded connection";
    public const string Resolving = "resolving";

    /// <summary>
    /// The mail proxy's action while it reads the backend's SMTP/IMAP/POP3 reply (ngx_mail_proxy_read_response; UDP proxy
    /// modules reuse it). HTTP's is "reading response header from upstream", so this one marks a session without a request.
    /// </summary>
    public const string ReadingResponseFromUpstream = "reading response from upstream";

    /// <summary>Known actions, longest first so a suffix match picks the most specific.</summary>
    public static readonly string[] Known =
    [
        ReadingResponseHeader, SslHandshakingToUpstream, SendingRequestToUpstream, ConnectingToUpstream,
        SendingEarlyHints, ProxyingUpgraded, "proxying and reading from upstream", "proxying and sending to upstream",
        "proxying and reading from client", "proxying and sending to client", "proxying connection",
        ReadingUpstream, SendingToClient, "reading client request body", "reading client request headers",
        "reading client request line", "reading PROXY protocol", "waiting for request", "SSL handshaking",
        "closing request", "sending response to client", "reading client pipelined request line",
        "processing HTTP/2 connection", "processing HTTP/3 connection", "setting up HTTP/2 connection",
        "keepalive", Resolving, "resolving service",
    ];

    /// <summary>The text names one of the known actions after " while ".</summary>
    public static bool NamedIn(ReadOnlySpan<char> text)
    {
        for (var at = text.IndexOf(" while ", StringComparison.Ordinal); at >= 0;)
        {
            var action = text[(at + " while ".Length)..];
            if (SpanSearch.StartsWithAny(action, Known))
            {
                return true;
            }

            var next = action.IndexOf(" while ", StringComparison.Ordinal);
            at = next < 0 ? -1 : at + " while ".Length + next;
        }

        return false;
    }

    /// <summary>
    /// The action is <paramref name="full"/>, or a paste cut it short but kept at least its first
    /// <paramref name="minLength"/> characters ("while connecting", "while sending request").
    /// </summary>
    public static bool IsOrCutOf(ReadOnlySpan<char> action, string full, int minLength) =>
        action.Length >= minLength && full.AsSpan().StartsWith(action, StringComparison.Ordinal);

    /// <summary>Header not yet sent: an error here gives the client nginx's own 502/504.</summary>
    public static bool IsHeaderPhase(ReadOnlySpan<char> action) =>
        action.SequenceEqual(ConnectingToUpstream) || action.SequenceEqual(SslHandshakingToUpstream)
        || action.SequenceEqual(SendingRequestToUpstream) || action.SequenceEqual(ReadingResponseHeader)
        || action.SequenceEqual(SendingEarlyHints);

    /// <summary>Header already sent (body phase or tunnel): the client keeps the backend's status and gets a cut response.</summary>
    public static bool IsBodyPhase(ReadOnlySpan<char> action) =>
        action.SequenceEqual(ReadingUpstream) || action.SequenceEqual(SendingToClient)
        || action.SequenceEqual(ProxyingUpgraded) || action.StartsWith("proxying", StringComparison.Ordinal);

    /// <summary>The client side of the exchange (TLS from the client, reading its request): not an upstream matter.</summary>
    public static bool IsClientSide(ReadOnlySpan<char> action) =>
        action.StartsWith("reading client", StringComparison.Ordinal) || action.SequenceEqual("waiting for request")
        || action.SequenceEqual("SSL handshaking") || action.SequenceEqual("reading PROXY protocol")
        || action.SequenceEqual("keepalive") || action.StartsWith("processing HTTP", StringComparison.Ordinal)
        || action.StartsWith("setting up HTTP", StringComparison.Ordinal) || action.SequenceEqual("closing request");
}
