namespace Nginx502Bot.Bot.Slack;

/// <summary>Builds a replier per inbound request, carrying its <c>response_url</c> when it has one.</summary>
public sealed class SlackReplierFactory(SlackWebApiClient client, SlackFileUploads uploads)
{
    public SlackChatReplier Create(string? responseUrl) => new(client, uploads, string.IsNullOrEmpty(responseUrl) ? null : responseUrl);
}
