namespace Nginx502Bot.Bot.Teams;

/// <summary>A Bot Connector or token call that failed; <see cref="Error"/> is short and holds no secret (<c>http_403</c>, <c>service_url_not_allowed</c>).</summary>
public sealed class TeamsConnectorException : Exception
{
    public TeamsConnectorException(string operation, string error)
        : base($"Teams {operation} failed: {error}")
    {
        Operation = operation;
        Error = error;
    }

    public TeamsConnectorException()
        : this("unknown", "unknown")
    {
    }

    public TeamsConnectorException(string message)
        : this("unknown", message)
    {
    }

    public TeamsConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
        Operation = "unknown";
        Error = message;
    }

    public string Operation { get; }

    public string Error { get; }
}
