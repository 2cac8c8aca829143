namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// Messages nginx writes only for a client's request, and whose status they decide: the request body limit, the access
/// and index modules, the rewrite loop check and auth_request. The parser takes a quote of one, even capitalised, as a
/// record; the classifier reads the request's status from it.
/// </summary>
public static class RequestOnlyMessages
{
    /// <summary>client_max_body_size: "... too large body: N bytes", or "... too large chunked body: N+M bytes".</summary>
    public const string TooLargeBody = "client intended to send too large ";

    public const string AccessForbidden = "access forbidden by rule";

    public const string DirectoryIndex = "directory index of \"";

    public const string RedirectionCycle = "rewrite or internal redirection cycle";

    /// <summary>ngx_http_auth_request_module: the subrequest answered neither 2xx, 401 nor 403; the request gets 500.</summary>
    public const string AuthRequestStatus = "auth request unexpected status";

    /// <summary>ngx_http_named_location: error_page, try_files or a module named an "@location" the server lacks; 500.</summary>
    public const string NamedLocationMissing = "could not find named location";

    /// <summary>All of them, for a search over the lot.</summary>
    public static readonly string[] Starts = [AccessForbidden, DirectoryIndex, RedirectionCycle, TooLargeBody, AuthRequestStatus, NamedLocationMissing];
}
