using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Nginx502Bot.Bot.Chat;

/// <summary>Runs queued chat work with a few concurrent workers, so one slow fan-out does not hold up the rest.</summary>
public sealed partial class ChatBackgroundWorker(ChatBackgroundWork queue, ILogger<ChatBackgroundWorker> logger) : BackgroundService
{
    private const int Workers = 8;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await RunOneAsync(work, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: queued work is dropped, Slack users see no answer rather than a half answer.
        }
    }

    private async Task RunOneAsync(Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        try
        {
            await work(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogWorkFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Queued chat work failed")]
    private static partial void LogWorkFailed(ILogger logger, Exception exception);
}
