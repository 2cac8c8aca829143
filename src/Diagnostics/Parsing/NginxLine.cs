namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// One nginx error-log record split into its parts, as offsets into the record text:
/// <c>TIME [LEVEL] PID#TID: *CID MESSAGE (ERRNO: TEXT) while ACTION, client: ..., server: ..., request: "...", upstream: "...", host: "...", referrer: "..."</c>.
/// </summary>
public struct NginxLine
{
    public DateTime Time;
    public Segment Level;
    public int Pid;
    public int Tid;

    /// <summary>The <c>*CID</c> client connection number, or -1 when the line has none.</summary>
    public long ConnectionId;

    public Segment Message;

    /// <summary>The errno number, or -1 when the line carries none.</summary>
    public int ErrnoNumber;
    public Segment ErrnoText;
    public Errno Errno;
    public Segment Action;
    public Segment Client;
    public Segment Server;
    public Segment Request;
    public Segment Subrequest;
    public Segment Upstream;
    public Segment Host;
    public Segment Referrer;
    public Segment Resolver;

    /// <summary>A stream (TCP/UDP proxy) line: no request, <c>server:</c> is the listen address, <c>upstream:</c> has no schema.</summary>
    public bool IsStream;

    /// <summary>
    /// A mail proxy (SMTP/IMAP/POP3) session's line: <c>login: "NAME"</c> follows the server, <c>upstream:</c> is an unquoted
    /// address. No HTTP request, so no status follows from it.
    /// </summary>
    public bool IsMail;

    /// <summary>
    /// An active health check's record (NGINX Plus: <c>..., health check "NAME" of peer ADDR in upstream "NAME"</c> in place
    /// of the client suffix): a probe nginx made itself, so no client request and no status follow from it.
    /// </summary>
    public bool IsHealthCheck;

    /// <summary>The line was cut (nginx's 2048-byte limit, or the paste): the suffix is partly or wholly missing.</summary>
    public bool Truncated;

    /// <summary>
    /// The head (message, errno and action) this record shares with every record whose head is the same text, or null
    /// when it was not kept (a paste read loosely, a head under 16 or over 200 characters, a record without its client
    /// suffix). Equal parses of the same text may differ here; it is a cache key, not a part of the record.
    /// </summary>
    public RecordHead? Head;

    public readonly bool HasRequestContext => Client.IsPresent;
}
