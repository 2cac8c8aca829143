using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Bot.Commands;
using Nginx502Bot.Bot.Dispatch;
using Nginx502Bot.Bot.Incidents;
using Nginx502Bot.Bot.Tests.Infrastructure;
using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Incidents.Migrations;
using static Nginx502Bot.Bot.Tests.Incidents.IncidentTestData;

namespace Nginx502Bot.Bot.Tests.Incidents;

/// <summary>
/// Answers that went through host agents, recorded through the composition the bot uses (AddChatCommands then
/// AddBotIncidents) on a real PostgreSQL: each agent's probe facts become probe_result events, repeats join.
/// </summary>
public sealed class IncidentAnswerRecorderTests
{
    [Fact]
    public async Task AnswerWithAgents_ProbeResultsPerHost_RedeliveryAddsNothing_NextReportJoins()
    {
        await using var db = await TestPostgres.CreateAsync();
        var outbox = Path.Combine(Path.GetTempPath(), $"n502-recorder-{Guid.NewGuid():N}");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Incidents:ConnectionString"] = db.ConnectionString,
            ["Incidents:OutboxDirectory"] = outbox,
            ["Incidents:Chat:LogTimeZone"] = "UTC",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddChat().AddChatCommands();
        services.AddBotIncidents(configuration, defaultPagesBaseUrl: null);
        try
        {
            await using var provider = services.BuildServiceProvider();
            await provider.GetRequiredService<MigrationRunner>().MigrateAsync(CancellationToken.None);
            var incidents = provider.GetRequiredService<IIncidentCommands>();
            Assert.IsType<PostgresIncidentCommands>(incidents);
            Assert.IsType<PostgresDeliveryDeduplicator>(provider.GetRequiredService<IDeliveryDeduplicator>());
            var observation = Observation("slack:event:EvA", DateTimeOffset.UtcNow);

            var first = await incidents.RecordAnswerAsync(observation, CancellationToken.None);
            var eventsAfterFirst = (await db.QueryAsync("SELECT id FROM timeline_events")).Count;
            var later = await incidents.RecordAnswerAsync(Observation("slack:event:EvB", DateTimeOffset.UtcNow.AddMinutes(1)), CancellationToken.None);
            var incident = Assert.Single(await db.QueryAsync("SELECT hosts, count_502 FROM incidents"));
            // The bot claims a delivery before handling it; should the same one get here again, its events are not repeated.
            var redelivered = await incidents.RecordAnswerAsync(observation, CancellationToken.None);

            Assert.Equal("1", first);
            Assert.Equal(first, later);
            Assert.Equal(first, redelivered);
            Assert.Equal(["web1", "web2"], (string[])incident["hosts"]!);
            Assert.Equal(4L, incident["count_502"]);
            var probes = await db.QueryAsync("SELECT actor, summary FROM timeline_events WHERE kind = 'probe_result' ORDER BY occurred_at, id");
            Assert.Equal(["web1", "web2", "web1", "web2"], probes.Select(p => (string)p["actor"]!));
            Assert.Contains("shop.conf:14", (string)probes[0]["summary"]!, StringComparison.Ordinal);
            Assert.Contains("upstream_down", (string)probes[1]["summary"]!, StringComparison.Ordinal);
            Assert.Equal(eventsAfterFirst * 2, (await db.QueryAsync("SELECT id FROM timeline_events")).Count);
        }
        finally
        {
            if (Directory.Exists(outbox))
            {
                Directory.Delete(outbox, recursive: true);
            }
        }
    }

    private static IncidentObservation Observation(string deliveryKey, DateTimeOffset at)
    {
        var diagnosis = DiagnosisEngine.Analyze(PastedLines);
        var thread = new ChatThread(new ChatConversation("slack", "C1"), "1763733000.000100");
        return new IncidentObservation(thread, new ChatUser("U1", "ops"), "upstream_down", null, ["web1", "web2"], ["shop.example.com"],
            "summary", at, deliveryKey)
        {
            Diagnosis = diagnosis,
            AgentAnswers =
            [
                new AgentDiagnosis("web1", diagnosis.Findings, ["/etc/nginx/sites-enabled/shop.conf:14 proxy_pass http://127.0.0.1:8000", "nothing listens on 127.0.0.1:8000"]),
                new AgentDiagnosis("web2", diagnosis.Findings, []),
            ],
        };
    }
}
