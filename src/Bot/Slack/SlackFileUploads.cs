using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Nginx502Bot.Bot.Chat;

namespace Nginx502Bot.Bot.Slack;

/// <summary>
/// Uploads an answer's attachments into its thread once, even though the answer is edited several times.
/// A failed upload is logged, not thrown: the answer itself already arrived.
/// </summary>
public sealed partial class SlackFileUploads(ILogger<SlackFileUploads> logger)
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, byte> _done = new(StringComparer.Ordinal);

    public async Task UploadNewAsync(SlackWebApiClient client, ChatMessageRef message, IReadOnlyList<ReplyAttachment> files, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            var key = $"{message.Thread.Conversation.Id}/{message.Id}/{file.FileName}/{file.Content.Length}";
            if (_done.Count > Capacity)
            {
                _done.Clear();
            }

            if (!_done.TryAdd(key, 0))
            {
                continue;
            }

            try
            {
                await client.UploadTextFileAsync(message.Thread.Conversation.Id, message.Thread.ThreadId ?? message.Id, file.FileName, file.Title, file.Content, cancellationToken);
            }
            catch (SlackApiException ex)
            {
                LogUploadFailed(logger, file.FileName, ex.Error);
            }
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Uploading {FileName} failed: {Error}")]
    private static partial void LogUploadFailed(ILogger logger, string fileName, string error);
}
