using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Resolution.Rules;

/// <summary><c>header_too_big</c>: the backend's response header, measured directly, is larger than the <c>*_buffer_size</c> in force.</summary>
public sealed class HeaderTooBigRule : IRootCauseRule
{
    /// <summary>nginx's default buffer size is one memory page.</summary>
    public const int DefaultBufferBytes = 4096;

    public RootCauseResolution? TryResolve(RootCauseContext context)
    {
        if (context.Finding.Cause != Causes.HeaderTooBig || context.Passes.Head() is not { } pass) { return null; }
        var buffer = pass.BufferSize is { } b ? ParseSize(b.Value) : DefaultBufferBytes;
        var header = context.TargetProbe?.HeaderBytes;
        var directive = pass.Directive.Replace("_pass", "_buffer_size", StringComparison.Ordinal);
        var size = NextSize(Math.Max(header ?? 0, buffer * 2));
        var facts = new List<EvidenceFact>
        {
            pass.BufferSize is { } bs
                ? new($"`{directive} {bs.Value}` is in force", ProbeNames.NginxConfig, bs.Location)
                : new($"no {directive} is set: nginx uses one page ({DefaultBufferBytes} bytes)", ProbeNames.NginxConfig, pass.Location),
        };
        if (header is { } h) { facts.Add(new EvidenceFact($"{context.Target} answered with a {h}-byte header", ProbeNames.DirectProbe)); }
        if (header is not null && header <= buffer) { return null; }
        return new RootCauseResolution
        {
            RootCause = RootCauses.HeaderTooBig,
            Confidence = header is null ? Confidence.Medium : Confidence.High,
            Summary = $"the backend's response header does not fit {directive} ({buffer} bytes)",
            Facts = facts,
            LikelyCauses = ["large or many Set-Cookie headers, or a long Location/CSP header"],
            Remediation = [pass.BufferSize is { } cur
                ? Remedies.ChangeDirective(cur.Location, $"{directive} {cur.Value}", $"{directive} {size / 1024}k")
                : Remedies.AddDirective(pass.Location, $"{directive} {size / 1024}k;")],
        };
    }

    private static int NextSize(int bytes)
    {
        var size = 8192;
        while (size < bytes) { size *= 2; }
        return size;
    }

    public static int ParseSize(string value)
    {
        var v = value.Trim().ToLowerInvariant();
        var factor = v.EndsWith('k') ? 1024 : v.EndsWith('m') ? 1024 * 1024 : 1;
        return int.TryParse(factor == 1 ? v : v[..^1], out var n) ? n * factor : DefaultBufferBytes;
    }
}
