namespace Nginx502Bot.Agent.Service;

/// <summary>A request the agent refuses for a reason the caller can fix; the transport maps it to INVALID_ARGUMENT.</summary>
public sealed class AgentRequestException : Exception
{
    public AgentRequestException() { }
    public AgentRequestException(string message) : base(message) { }
    public AgentRequestException(string message, Exception inner) : base(message, inner) { }
}
