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

    /// <summary>The pass directive with its address replaced, keeping scheme and URI as written.</summary>
    public static string PassWithAddress(PassDirective pass, string newAddress) =>
        $"{pass.Directive} {pass.Value.Replace(pass.Address, newAddress, StringComparison.Ordinal)}";
}
