namespace Nginx502Bot.Bot.Dispatch;

/// <summary>
/// Asks one host agent to diagnose. The caller sets the deadline through <paramref name="cancellationToken"/>;
/// the implementation maps transport failures to exceptions and never retries past that deadline.
/// </summary>
public interface IAgentDiagnoser
{
    Task<AgentDiagnosis> DiagnoseAsync(AgentInfo agent, AgentRequest request, CancellationToken cancellationToken);
}
