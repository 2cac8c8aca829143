using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Diagnostics.NginxConfig;

/// <summary>
/// Directive values in force at one level of the http → server → location tree. <c>proxy_set_header</c> follows
/// nginx's rule: a level that sets any header inherits none from above, so Connection is tracked per level.
/// </summary>
internal sealed record InheritedSettings
{
    public IReadOnlyList<string> ServerNames { get; init; } = [];
    public string? LocationPath { get; init; }
    public DirectiveValue? ProxyHttpVersion { get; init; }
    public DirectiveValue? ConnectionHeader { get; init; }
    public IReadOnlyDictionary<string, DirectiveValue> BufferSizes { get; init; } = new Dictionary<string, DirectiveValue>();
    public DirectiveValue? SslServerName { get; init; }

    public InheritedSettings Apply(IReadOnlyList<ConfigDirective> block)
    {
        var next = this;
        var headers = block.Where(d => d.Name == "proxy_set_header").ToArray();
        if (headers.Length > 0)
        {
            var connection = headers.LastOrDefault(d => string.Equals(d.Arg(0), "Connection", StringComparison.OrdinalIgnoreCase));
            next = next with { ConnectionHeader = connection is null ? null : new DirectiveValue(connection.Arg(1) ?? "", connection.Location) };
        }

        foreach (var d in block)
        {
            next = d.Name switch
            {
                "proxy_http_version" => next with { ProxyHttpVersion = new DirectiveValue(d.Arg(0) ?? "", d.Location) },
                "proxy_ssl_server_name" => next with { SslServerName = new DirectiveValue(d.Arg(0) ?? "", d.Location) },
                var n when n.EndsWith("_buffer_size", StringComparison.Ordinal) => next with
                {
                    BufferSizes = new Dictionary<string, DirectiveValue>(next.BufferSizes) { [n] = new DirectiveValue(d.Arg(0) ?? "", d.Location) },
                },
                _ => next,
            };
        }

        return next;
    }
}
