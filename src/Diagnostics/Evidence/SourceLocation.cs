namespace Nginx502Bot.Diagnostics.Evidence;

/// <summary>A file and 1-based line, as an operator types it into an editor: <c>/etc/nginx/conf.d/app.conf:12</c>.</summary>
public sealed record SourceLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
