using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Bot.Dispatch;

namespace Nginx502Bot.Bot.Commands;

/// <summary><c>/502 agents</c>: the hosts that report, with version, last seen and health.</summary>
public sealed class AgentsHandler(IAgentDirectory directory, TimeProvider time) : ICommandHandler
{
    public IReadOnlyList<CommandKind> Kinds { get; } = [CommandKind.Agents];

    public async Task HandleAsync(CommandContext context, ParsedCommand command, CancellationToken cancellationToken)
    {
        var agents = await directory.ListAsync(cancellationToken);
        var reply = agents.Count == 0
            ? ChatReply.Plain("No host agent reports to this bot yet. Install the agent on an nginx host and point it at the bot.")
            : new ChatReply($"{agents.Count} hosts report", [new ReplyHeading($"{agents.Count} hosts report"), new ReplyCode(null, [.. agents.OrderBy(a => a.Host, StringComparer.Ordinal).Select(Line)])]);
        await context.Replier.PostAsync(context.Thread, reply, cancellationToken);
    }

    private string Line(AgentInfo agent)
    {
        var seen = agent.LastSeen is { } at ? Ago(time.GetUtcNow() - at) : "never";
        var sites = agent.ServerNames.Count == 0 ? "" : "  sites: " + string.Join(", ", agent.ServerNames.Take(5)) + (agent.ServerNames.Count > 5 ? " …" : "");
        return $"{agent.Host}  v{agent.Version}  {agent.Health}  last seen {seen}{sites}";
    }

    private static string Ago(TimeSpan age) => age.TotalSeconds switch
    {
        < 90 => $"{Math.Max(0, (int)age.TotalSeconds)} s ago",
        < 5400 => $"{(int)age.TotalMinutes} min ago",
        < 172_800 => $"{(int)age.TotalHours} h ago",
        _ => $"{(int)age.TotalDays} days ago",
    };
}
