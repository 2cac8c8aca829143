using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Nginx502Bot.Incidents.Configuration;

namespace Nginx502Bot.Incidents.Lifecycle;

/// <summary>Retries the outbox every <see cref="IncidentsOptions.OutboxRetryInterval"/> while it holds entries.</summary>
public sealed class OutboxFlushService(IncidentStore store, IOptions<IncidentsOptions> options, TimeProvider timeProvider) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await store.WarmAsync(timeProvider.GetUtcNow() - options.Value.ReopenWindow, stoppingToken);
        using var timer = new PeriodicTimer(options.Value.OutboxRetryInterval, timeProvider);
        do
        {
            if (store.PendingInOutbox > 0)
            {
                await store.TryFlushAsync(stoppingToken);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
