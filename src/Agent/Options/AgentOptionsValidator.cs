using Microsoft.Extensions.Options;

namespace Nginx502Bot.Agent.Options;

/// <summary>Reports every invalid setting at once, at start.</summary>
public sealed class AgentOptionsValidator : IValidateOptions<AgentOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentOptions options)
    {
        var failures = new List<string>();
        if (!options.Root.StartsWith('/')) { failures.Add("Agent:Root must be an absolute path."); }
        foreach (var (key, value) in new[] { ("ProcRoot", options.ProcRoot), ("EtcRoot", options.EtcRoot), ("SysRoot", options.SysRoot), ("LogRoot", options.LogRoot) })
        {
            if (value is not null && !value.StartsWith('/')) { failures.Add($"Agent:{key} must be an absolute path."); }
        }

        if (options.ProbeTimeoutMs is < 50 or > 60_000) { failures.Add("Agent:ProbeTimeoutMs must be 50..60000."); }
        if (options.DirectTimeoutMs is < 20 or > 10_000) { failures.Add("Agent:DirectTimeoutMs must be 20..10000."); }
        if (options.MaxFileBytes < 4096) { failures.Add("Agent:MaxFileBytes must be at least 4096."); }
        if (options.MaxItems < 10) { failures.Add("Agent:MaxItems must be at least 10."); }
        if (options.Units.Any(u => !UnitName.IsValid(u))) { failures.Add("Agent:Units holds a name that is not a systemd unit name."); }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
