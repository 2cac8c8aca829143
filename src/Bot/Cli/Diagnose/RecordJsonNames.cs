namespace Nginx502Bot.Bot.Cli.Diagnose;

/// <summary>
/// The property names of a <c>records</c> item as UTF-8, each with the comma before it (<c>line</c> comes first and has
/// none): written millions of times on a large log.
/// </summary>
internal static class RecordJsonNames
{
    public static ReadOnlySpan<byte> Line => "{\"line\":"u8;
    public static ReadOnlySpan<byte> Lines => ",\"lines\":"u8;
    public static ReadOnlySpan<byte> Input => ",\"input\":"u8;
    public static ReadOnlySpan<byte> Kind => ",\"kind\":"u8;
    public static ReadOnlySpan<byte> Cause => ",\"cause\":"u8;
    public static ReadOnlySpan<byte> Status => ",\"status\":"u8;
    public static ReadOnlySpan<byte> Time => ",\"time\":"u8;
    public static ReadOnlySpan<byte> Level => ",\"level\":"u8;
    public static ReadOnlySpan<byte> Subject => ",\"subject\":"u8;
    public static ReadOnlySpan<byte> Pid => ",\"pid\":"u8;
    public static ReadOnlySpan<byte> Message => ",\"message\":"u8;
    public static ReadOnlySpan<byte> Text => ",\"text\":"u8;
    public static ReadOnlySpan<byte> Origin => ",\"origin\":"u8;
    public static ReadOnlySpan<byte> Cid => ",\"cid\":"u8;
    public static ReadOnlySpan<byte> Errno => ",\"errno\":"u8;
    public static ReadOnlySpan<byte> ErrnoText => ",\"errno_text\":"u8;
    public static ReadOnlySpan<byte> Action => ",\"action\":"u8;
    public static ReadOnlySpan<byte> Client => ",\"client\":"u8;
    public static ReadOnlySpan<byte> Server => ",\"server\":"u8;
    public static ReadOnlySpan<byte> Request => ",\"request\":"u8;
    public static ReadOnlySpan<byte> Subrequest => ",\"subrequest\":"u8;
    public static ReadOnlySpan<byte> Upstream => ",\"upstream\":"u8;
    public static ReadOnlySpan<byte> Target => ",\"target\":"u8;
    public static ReadOnlySpan<byte> Host => ",\"host\":"u8;
    public static ReadOnlySpan<byte> Referrer => ",\"referrer\":"u8;
    public static ReadOnlySpan<byte> Resolver => ",\"resolver\":"u8;
    public static ReadOnlySpan<byte> Truncated => ",\"truncated\":true"u8;
}
