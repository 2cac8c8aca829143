using System.ComponentModel.DataAnnotations;

namespace Nginx502Bot.Bot.Dispatch;

/// <summary>Fan-out limits. Defaults: 5 s per agent, at most 200 agents per request.</summary>
public sealed class DispatchOptions
{
    public const string SectionName = "Dispatch";

    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan PerAgentTimeout { get; set; } = TimeSpan.FromSeconds(5);

    [Range(1, 10_000)]
    public int MaxAgents { get; set; } = 200;
}
