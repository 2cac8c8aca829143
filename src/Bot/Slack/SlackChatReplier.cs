using System.Text.Json.Nodes;
using Nginx502Bot.Bot.Chat;

namespace Nginx502Bot.Bot.Slack;

/// <summary>
/// <see cref="IChatReplier"/> over the Web API. Posts with chat.postMessage so the summary can be edited with
/// chat.update; when the bot is not in the channel (a slash command from anywhere) it falls back to the command's
/// <c>response_url</c>. Attachments are uploaded once per message into its thread.
/// </summary>
public sealed class SlackChatReplier(SlackWebApiClient client, SlackFileUploads uploads, string? responseUrl) : IChatReplier
{
    private const string ResponseUrlId = "response_url";

    public async Task<ChatMessageRef> PostAsync(ChatThread thread, ChatReply reply, CancellationToken cancellationToken)
    {
        var rendered = SlackBlockKitRenderer.Render(reply);
        string ts;
        try
        {
            ts = await client.PostMessageAsync(thread.Conversation.Id, thread.ThreadId, rendered.Text, rendered.Blocks, cancellationToken);
        }
        catch (SlackApiException ex) when (responseUrl is not null && IsNotReachable(ex.Error))
        {
            await client.PostToResponseUrlAsync(responseUrl, Body(rendered, "in_channel", replaceOriginal: false), cancellationToken);
            return new ChatMessageRef(thread, ResponseUrlId, responseUrl);
        }

        var posted = new ChatMessageRef(thread, ts);
        await uploads.UploadNewAsync(client, posted, rendered.Files, cancellationToken);
        return posted;
    }

    public async Task UpdateAsync(ChatMessageRef message, ChatReply reply, CancellationToken cancellationToken)
    {
        var rendered = SlackBlockKitRenderer.Render(reply);
        if (message.Id == ResponseUrlId && message.Handle is { } url)
        {
            await client.PostToResponseUrlAsync(url, Body(rendered, "in_channel", replaceOriginal: true), cancellationToken);
            return;
        }

        await client.UpdateMessageAsync(message.Thread.Conversation.Id, message.Id, rendered.Text, rendered.Blocks, cancellationToken);
        await uploads.UploadNewAsync(client, message, rendered.Files, cancellationToken);
    }

    public async Task PostPrivateAsync(ChatThread thread, ChatUser user, ChatReply reply, CancellationToken cancellationToken)
    {
        var rendered = SlackBlockKitRenderer.Render(reply);
        try
        {
            await client.PostEphemeralAsync(thread.Conversation.Id, user.Id, thread.ThreadId, rendered.Text, rendered.Blocks, cancellationToken);
        }
        catch (SlackApiException ex) when (responseUrl is not null && IsNotReachable(ex.Error))
        {
            await client.PostToResponseUrlAsync(responseUrl, Body(rendered, "ephemeral", replaceOriginal: false), cancellationToken);
        }
    }

    private static bool IsNotReachable(string error) => error is "not_in_channel" or "channel_not_found";

    private static JsonObject Body(SlackRenderedMessage rendered, string responseType, bool replaceOriginal) => new()
    {
        ["response_type"] = responseType,
        ["replace_original"] = replaceOriginal,
        ["text"] = rendered.Text,
        ["blocks"] = rendered.Blocks.DeepClone(),
    };
}
