using Nginx502Bot.Bot.Chat;

namespace Nginx502Bot.Bot.Teams;

/// <summary>
/// <see cref="IChatReplier"/> over the Bot Connector. A reply in a thread is a reply chain (<c>replyToId</c>, and in a
/// channel the thread's <c>;messageid=</c> conversation); the fan-out summary is updated in place with PUT. Teams has
/// no per-user messages for bots in channels, so a private reply is posted in the thread.
/// </summary>
public sealed class TeamsChatReplier(TeamsConnectorClient client, TeamsConversationDirectory conversations) : IChatReplier
{
    public async Task<ChatMessageRef> PostAsync(ChatThread thread, ChatReply reply, CancellationToken cancellationToken)
    {
        var conversation = await FindAsync(thread, cancellationToken);
        var activity = TeamsAdaptiveCardRenderer.Render(reply);
        var path = conversation.PathId(thread.Conversation.Id, thread.ThreadId);
        var id = thread.ThreadId is { } root
            ? await client.ReplyToActivityAsync(conversation.ServiceUrl, path, root, activity, cancellationToken)
            : await client.SendToConversationAsync(conversation.ServiceUrl, path, activity, cancellationToken);
        return new ChatMessageRef(thread, id, conversation.ServiceUrl);
    }

    public async Task UpdateAsync(ChatMessageRef message, ChatReply reply, CancellationToken cancellationToken)
    {
        var conversation = await FindAsync(message.Thread, cancellationToken);
        var serviceUrl = message.Handle ?? conversation.ServiceUrl;
        var path = conversation.PathId(message.Thread.Conversation.Id, message.Thread.ThreadId);
        await client.UpdateActivityAsync(serviceUrl, path, message.Id, TeamsAdaptiveCardRenderer.Render(reply), cancellationToken);
    }

    public Task PostPrivateAsync(ChatThread thread, ChatUser user, ChatReply reply, CancellationToken cancellationToken) =>
        PostAsync(thread, reply, cancellationToken);

    private async Task<TeamsConversation> FindAsync(ChatThread thread, CancellationToken cancellationToken) =>
        await conversations.FindAsync(thread.Conversation.Id, cancellationToken) ?? throw new TeamsConnectorException("post", "unknown_conversation");
}
