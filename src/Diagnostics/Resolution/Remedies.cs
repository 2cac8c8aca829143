using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Diagnostics.Resolution;

/// <summary>Remediation wording shared by the rules: exact edits with file:line, then the safe reload.</summary>
public static class Remedies
{
    public const string ReloadNginx = "nginx -t && systemctl reload nginx";

    public static string ChangeDirective(SourceLocation at, string from, string to) =>
        $"In {at} change `{from}` to `{to}`, then `{ReloadNginx}`";

    public static string AddDirective(SourceLocation near, string directive) =>
        $"In {near.File} add `{directive}` in the block of line {near.Line}, then `{ReloadNginx}`";

    public static string Pass(PassDirective pass) => $"{pass.Directive} {pass.Value}";

    /// <summary>An upstream <c>server</c> line as nginx reads it: address, then the failure settings that were written.</summary>
    public static string Member(UpstreamMember m) =>
        $"server {m.Address}{(m.MaxFails is { } f ? $" max_fails={f}" : "")}{(m.FailTimeout is { } t ? $" fail_timeout={t}" : "")}"
        + $"{(m.Backup ? " backup" : "")}{(m.Down ? " down" : "")}";

    /// <summary>
    /// Where the configuration tells nginx to dial the context's target, for a backend that is not coming back where
    /// nginx looks: the upstream member's <c>server</c> line (with its block), else the pass directive; null without
    /// configuration evidence. The new address is the operator's to give, so the edit names the line, not a value.
    /// </summary>
    public static string? RetargetAt(RootCauseContext context)
    {
        if (context.Listings.Head() is { } listing)
        {
            return $"If the backend now listens elsewhere: in {listing.Member.Location} (upstream {listing.Upstream.Name} at "
                + $"{listing.Upstream.Location}) change `{Member(listing.Member)}` to its new address, then `{ReloadNginx}`";
        }

        return context.Passes.Head() is { } pass
            ? $"If the backend now listens elsewhere: in {pass.Location} change `{Pass(pass)}` to its new address, then `{ReloadNginx}`"
            : null;
    }

    /// <summary>
    /// The upstream block, its members' <c>server</c> lines with their failure settings (nginx's defaults named when
    /// unset) and the pass lines that use it: what decides how long nginx keeps a failed member out.
    /// </summary>
    public static string FailureSettings(UpstreamBlock upstream, IReadOnlyList<PassDirective> passes)
    {
        var members = string.Join("; ", upstream.Members.Select(m =>
            $"`{Member(m)}` in {m.Location}{(m.MaxFails is null || m.FailTimeout is null ? $" ({Defaults(m)})" : "")}"));
        var via = passes.Count == 0 ? "" : $", dialled via {string.Join(", ", passes.Select(p => $"`{Pass(p)}` in {p.Location}"))}";
        return $"Failure settings of upstream {upstream.Name} in {upstream.Location}{via}: {members}. nginx takes a member out for "
            + "fail_timeout after max_fails failed attempts within fail_timeout, and answers 502 \"no live upstreams\" while every member is out";
    }

    private static string Defaults(UpstreamMember m) => (m.MaxFails, m.FailTimeout) switch
    {
        (null, null) => "defaults max_fails=1 fail_timeout=10s",
        (null, _) => "default max_fails=1",
        _ => "default fail_timeout=10s",
    };

    /// <summary>The pass directive with its address replaced, keeping scheme and URI as written.</summary>
    public static string PassWithAddress(PassDirective pass, string newAddress) =>
        $"{pass.Directive} {pass.Value.Replace(pass.Address, newAddress, StringComparison.Ordinal)}";
}
