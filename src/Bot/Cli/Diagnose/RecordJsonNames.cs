using System.Text.Json;

namespace Nginx502Bot.Bot.Cli.Diagnose;

/// <summary>The property names of a <c>records</c> item, encoded once: written millions of times on a large log.</summary>
internal static class RecordJsonNames
{
    public static readonly JsonEncodedText Line = JsonEncodedText.Encode("line");
    public static readonly JsonEncodedText Lines = JsonEncodedText.Encode("lines");
    public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    public static readonly JsonEncodedText Cause = JsonEncodedText.Encode("cause");
    public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    public static readonly JsonEncodedText Time = JsonEncodedText.Encode("time");
    public static readonly JsonEncodedText Level = JsonEncodedText.Encode("level");
    public static readonly JsonEncodedText Subject = JsonEncodedText.Encode("subject");
    public static readonly JsonEncodedText Pid = JsonEncodedText.Encode("pid");
    public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
    public static readonly JsonEncodedText Origin = JsonEncodedText.Encode("origin");
    public static readonly JsonEncodedText Cid = JsonEncodedText.Encode("cid");
    public static readonly JsonEncodedText Errno = JsonEncodedText.Encode("errno");
    public static readonly JsonEncodedText ErrnoText = JsonEncodedText.Encode("errno_text");
    public static readonly JsonEncodedText Action = JsonEncodedText.Encode("action");
    public static readonly JsonEncodedText Client = JsonEncodedText.Encode("client");
    public static readonly JsonEncodedText Server = JsonEncodedText.Encode("server");
    public static readonly JsonEncodedText Request = JsonEncodedText.Encode("request");
    public static readonly JsonEncodedText Subrequest = JsonEncodedText.Encode("subrequest");
    public static readonly JsonEncodedText Upstream = JsonEncodedText.Encode("upstream");
    public static readonly JsonEncodedText Target = JsonEncodedText.Encode("target");
    public static readonly JsonEncodedText Host = JsonEncodedText.Encode("host");
    public static readonly JsonEncodedText Referrer = JsonEncodedText.Encode("referrer");
    public static readonly JsonEncodedText Resolver = JsonEncodedText.Encode("resolver");
    public static readonly JsonEncodedText Truncated = JsonEncodedText.Encode("truncated");
}
