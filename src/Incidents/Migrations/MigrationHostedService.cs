using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nginx502Bot.Incidents.Configuration;
using Nginx502Bot.Incidents.Storage;

namespace Nginx502Bot.Incidents.Migrations;

/// <summary>
/// Applies migrations when the host starts (registered before the scheduler so Quartz finds its tables). When the
/// database is unreachable at start the bot still starts: the outbox takes the writes and a later start migrates.
/// </summary>
public sealed class MigrationHostedService(MigrationRunner runner, IOptions<IncidentsOptions> options, ILogger<MigrationHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStart)
        {
            return;
        }

        try
        {
            await runner.MigrateAsync(cancellationToken);
        }
        catch (Exception ex) when (Transient.IsUnreachable(ex))
        {
            logger.LogWarning("PostgreSQL unreachable at start ({Reason}); migrations skipped", ex.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
