namespace Nginx502Bot.Incidents.Chat;

/// <summary>Where scheduled output goes. The bot implements it (Slack chat.postMessage); tests record posts.</summary>
public interface IChatPoster
{
    Task PostAsync(ChatPost post, CancellationToken cancellationToken);
}
