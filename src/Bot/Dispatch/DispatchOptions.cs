using System.ComponentModel.DataAnnotations;

namespace Nginx502Bot.Bot.Dispatch;

/// <summary>Fan-out limits. Defaults: 5 s per agent, progress edits at most once a second, at most 200 agents per request.</summary>
public sealed class DispatchOptions
{
    public const string SectionName = "Dispatch";

    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan PerAgentTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Least time between two progress edits of the summary message (chat.update is rate-limited). Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 10_000)]
    public int MaxAgents { get; set; } = 200;
}
