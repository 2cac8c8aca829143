namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// Messages nginx writes only for a client's request, and whose status they decide: the request body limit, the access
/// and index modules, the rewrite loop check and auth_request, and the image filter's and ModSecurity's refusals. The
/// parser takes a quote of one as a record (a core module's even capitalised); the classifier reads the request's status
/// from it.
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

    /// <summary>
    /// ngx_http_image_filter_module: the image is larger than image_filter_buffer (the header filter checks the
    /// Content-Length, the body filter the bytes read); both answer NGX_HTTP_UNSUPPORTED_MEDIA_TYPE, 415.
    /// </summary>
    public const string ImageFilterTooBig = "image filter: too big response";

    /// <summary>ngx_http_request.c's errors in the client's own request line and headers ("client sent invalid method").</summary>
    public const string ClientSent = "client sent ";

    /// <summary>ModSecurity-nginx's intervention: it names the status the module answers.</summary>
    public const string ModSecurityDenial = "ModSecurity: Access denied with code ";

    /// <summary>The core modules' ones (all above but the image filter's and ModSecurity's), for a search over the lot.</summary>
    public static readonly string[] Starts = [AccessForbidden, DirectoryIndex, RedirectionCycle, TooLargeBody, AuthRequestStatus, NamedLocationMissing];
}
