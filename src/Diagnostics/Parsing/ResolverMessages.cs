namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// The resolver's own refusals of a DNS answer (ngx_resolver.c): logged without a client request, they are the cause a
/// request later reports as "could not be resolved". The parser takes a quote that starts with one as a record; the
/// classifier reads them as DNS trouble.
/// </summary>
public static class ResolverMessages
{
    /// <summary>The message starts, as ngx_resolver.c writes them (the older "unexpected response for" too).</summary>
    public static readonly string[] Starts =
    [
        "DNS error (", "invalid UDP DNS response", "invalid TCP DNS response", "unexpected DNS response for",
        "unexpected response for", "wrong ident ", "no A or CNAME types in DNS response", "short DNS response",
    ];

    /// <summary>
    /// "DNS error (%ui: %s), query id:%ui": the parser takes "(2: Server failure)" for the errno group, so the message
    /// left is these two words alone.
    /// </summary>
    public const string DnsErrorWithoutItsGroup = "DNS error";
}
