namespace Nginx502Bot.Agent.Contract;

/// <summary>
/// gRPC method paths of <c>nginx502bot.agent.v1.AgentService</c>, as they appear in the HTTP/2 <c>:path</c> header.
/// The hand-written transport routes on these strings, so they must match the .proto exactly.
/// </summary>
public static class AgentMethods
{
    public const string ServiceName = "nginx502bot.agent.v1.AgentService";

    /// <summary>Server streaming: progress messages, then exactly one final result.</summary>
    public const string Diagnose = "/" + ServiceName + "/Diagnose";

    /// <summary>Unary.</summary>
    public const string GetInventory = "/" + ServiceName + "/GetInventory";

    /// <summary>Unary.</summary>
    public const string Health = "/" + ServiceName + "/Health";

    public static IReadOnlyList<string> All { get; } = [Diagnose, GetInventory, Health];
}
