using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nginx502Bot.Incidents.Chat;
using Nginx502Bot.Incidents.Migrations;

namespace Nginx502Bot.Incidents.Tests.Infrastructure;

/// <summary>A container built the way the bot builds it (AddIncidents), with a controllable clock and recorded posts.</summary>
public sealed class IncidentsHost : IAsyncDisposable
{
    private string? ownedOutbox;

    private IncidentsHost(ServiceProvider services, ManualClock clock, RecordingChatPoster poster)
    {
        Services = services;
        Clock = clock;
        Poster = poster;
    }

    public ServiceProvider Services { get; }
    public ManualClock Clock { get; }
    public RecordingChatPoster Poster { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static async Task<IncidentsHost> StartAsync(string connectionString, string? outboxDirectory = null,
        ManualClock? clock = null, bool migrate = true, IDictionary<string, string?>? settings = null)
    {
        var ownOutbox = outboxDirectory is null;
        outboxDirectory ??= Path.Combine(Path.GetTempPath(), "n502-outbox-" + Guid.NewGuid().ToString("N"));
        var values = new Dictionary<string, string?>
        {
            ["Incidents:ConnectionString"] = connectionString,
            ["Incidents:OutboxDirectory"] = outboxDirectory,
            ["Incidents:Schedules:Enabled"] = "false",
            ["Incidents:Schedules:DigestChannels:0"] = "#ops",
            ["Incidents:Pages:SigningKey"] = Convert.ToBase64String(new byte[32]),
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            values[k] = v;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        clock ??= new ManualClock(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero));
        var poster = new RecordingChatPoster();
        var services = new ServiceCollection()
            .AddLogging(logging =>
            {
                // N502_TEST_LOG=1 shows the library's and Quartz's logs when a test needs explaining.
                if (Environment.GetEnvironmentVariable("N502_TEST_LOG") == "1")
                {
                    logging.AddConsole().SetMinimumLevel(LogLevel.Debug);
                }
            })
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IChatPoster>(poster)
            .AddIncidents(configuration)
            .BuildServiceProvider();
        if (migrate)
        {
            await services.GetRequiredService<MigrationRunner>().MigrateAsync(CancellationToken.None);
        }

        return new IncidentsHost(services, clock, poster) { ownedOutbox = ownOutbox ? outboxDirectory : null };
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (ownedOutbox is not null && Directory.Exists(ownedOutbox))
        {
            Directory.Delete(ownedOutbox, recursive: true);
        }
    }
}
