namespace Nginx502Bot.Bot.Slack;

/// <summary>A Web API call that Slack refused: <see cref="Error"/> is Slack's own code (<c>channel_not_found</c>, <c>ratelimited</c>, <c>http_500</c>).</summary>
public sealed class SlackApiException : Exception
{
    public SlackApiException(string method, string error)
        : base($"Slack {method} failed: {error}")
    {
        Method = method;
        Error = error;
    }

    public SlackApiException()
        : this("unknown", "unknown")
    {
    }

    public SlackApiException(string message)
        : this("unknown", message)
    {
    }

    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = "unknown";
        Error = message;
    }

    public string Method { get; }

    public string Error { get; }
}
