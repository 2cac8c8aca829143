namespace Nginx502Bot.Diagnostics.Evidence;

/// <summary>
/// A <c>proxy_pass</c>/<c>fastcgi_pass</c>/<c>uwsgi_pass</c>/<c>scgi_pass</c>/<c>grpc_pass</c> with the directives that
/// shape how nginx talks to it. Inherited values carry the file:line where they were really written.
/// </summary>
public sealed record PassDirective
{
    public required string Directive { get; init; }

    /// <summary>The argument as written: <c>http://127.0.0.1:8000/api/</c>, <c>unix:/run/php/php-fpm.sock</c>.</summary>
    public required string Value { get; init; }

    /// <summary>http, https, fastcgi, uwsgi, scgi, grpc, grpcs.</summary>
    public required string Scheme { get; init; }

    /// <summary><c>host:port</c>, <c>unix:/path</c>, or an upstream block name; no URI.</summary>
    public required string Address { get; init; }

    public required SourceLocation Location { get; init; }
    public IReadOnlyList<string> ServerNames { get; init; } = [];

    /// <summary>The <c>location</c> argument the directive sits in, if any.</summary>
    public string? LocationPath { get; init; }

    public DirectiveValue? ProxyHttpVersion { get; init; }

    /// <summary>Effective <c>proxy_set_header Connection</c> value (empty string for <c>""</c>).</summary>
    public DirectiveValue? ConnectionHeader { get; init; }

    /// <summary>Effective <c>proxy_buffer_size</c> / <c>fastcgi_buffer_size</c> etc.</summary>
    public DirectiveValue? BufferSize { get; init; }

    public DirectiveValue? SslServerName { get; init; }
}
