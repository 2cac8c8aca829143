using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;
using Nginx502Bot.Agent.Contract;
using Nginx502Bot.Agent.Service;
using Nginx502Bot.Agent.Tests.Support;
using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Vocabulary;
using V1 = Nginx502Bot.Agent.Contract.V1;

namespace Nginx502Bot.Agent.Tests.Service;

public sealed class AgentServiceTests
{
    private static V1.RequestMeta Meta(TimeSpan? deadline = null) => new()
    {
        RequestId = "req-1", CorrelationId = "inc-42", SentAt = Timestamp.FromDateTimeOffset(AgentHarness.Now),
        Deadline = deadline is { } d ? Timestamp.FromDateTimeOffset(AgentHarness.Now + d) : null,
    };

    [Fact]
    public async Task Diagnose_StreamsProgressPerProbeThenExactlyOneResult()
    {
        await using var services = AgentHarness.Build(FixturePaths.Host);
        var agent = services.GetRequiredService<AgentService>();
        var request = new V1.DiagnoseRequest
        {
            Meta = Meta(TimeSpan.FromSeconds(30)),
            WindowStart = Timestamp.FromDateTime(DateTime.SpecifyKind(AgentHarness.WindowStart, DateTimeKind.Local).ToUniversalTime()),
            WindowEnd = Timestamp.FromDateTime(DateTime.SpecifyKind(AgentHarness.WindowEnd, DateTimeKind.Local).ToUniversalTime()),
        };

        var messages = new List<V1.DiagnoseResponse>();
        await foreach (var m in agent.DiagnoseAsync(request, CancellationToken.None)) { messages.Add(m); }

        Assert.Equal(14, messages.Count(m => m.KindCase == V1.DiagnoseResponse.KindOneofCase.Progress));
        Assert.Equal(V1.DiagnoseResponse.KindOneofCase.Result, messages[^1].KindCase);
        Assert.Single(messages, m => m.KindCase == V1.DiagnoseResponse.KindOneofCase.Result);
        var pass = messages[^1].Result.Evidence.NginxInstances.Single().PassTargets.First();
        Assert.Equal(("/etc/nginx/conf.d/app.conf", 11, "127.0.0.1:8000"), (pass.Source.File, pass.Source.Line, pass.Address));
        Assert.Contains(messages[^1].Result.Evidence.Listeners, l => l.Port == 9000 && l.Family == V1.AddressFamily.Ipv6 && l.Process == "node");
    }

    [Fact]
    public async Task Diagnose_PastDeadline_IsCancelledBeforeAnyProbe()
    {
        await using var services = AgentHarness.Build(FixturePaths.Host);
        var agent = services.GetRequiredService<AgentService>();
        var request = new V1.DiagnoseRequest { Meta = Meta(TimeSpan.FromSeconds(-1)) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in agent.DiagnoseAsync(request, CancellationToken.None)) { }
        });
    }

    [Fact]
    public async Task Diagnose_OversizeExcerpt_IsRejectedAsInvalid()
    {
        await using var services = AgentHarness.Build(FixturePaths.Host);
        var agent = services.GetRequiredService<AgentService>();
        var request = new V1.DiagnoseRequest { Meta = Meta(), ErrorLogExcerpt = new string('x', RequestMapper.MaxExcerptChars + 1) };

        await Assert.ThrowsAsync<AgentRequestException>(async () =>
        {
            await foreach (var _ in agent.DiagnoseAsync(request, CancellationToken.None)) { }
        });
    }

    [Fact]
    public async Task Inventory_ListsInstancesWithServerBlocksAndLogs()
    {
        await using var services = AgentHarness.Build(FixturePaths.Host);
        var agent = services.GetRequiredService<AgentService>();

        var inventory = await agent.GetInventoryAsync(new V1.GetInventoryRequest { Meta = Meta() }, CancellationToken.None);

        var nginx = Assert.Single(inventory.NginxInstances);
        Assert.Contains(nginx.ServerBlocks, s => s.ServerNames.Contains("php.example.com"));
        Assert.Equal(["/var/log/nginx/error.log"], nginx.ErrorLogs);
        Assert.Equal(3, inventory.Probes.Count);
        Assert.False(string.IsNullOrEmpty(inventory.AgentVersion));
    }

    [Fact]
    public async Task Health_ServesWithoutRunningProbes()
    {
        await using var services = AgentHarness.Build("/nonexistent-root");
        var health = await services.GetRequiredService<AgentService>().HealthAsync(new V1.HealthRequest { Meta = Meta() }, CancellationToken.None);

        Assert.Equal(V1.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public void ResolvedFinding_RoundTripsThroughTheWireWithFileLineSources()
    {
        var evidence = new HostEvidence
        {
            Instances = [Resolution.Evidence.Instance(Resolution.Evidence.Pass("http://127.0.0.1:8000", 12))],
            Listeners = [Resolution.Evidence.Tcp("127.0.0.1", 8001, "gunicorn", 200)],
            DirectProbes = [Resolution.Evidence.Refused("127.0.0.1:8000"), Resolution.Evidence.Speaks("127.0.0.1:8001", "http", 200)],
        };
        var finding = Resolution.Evidence.Finding(Causes.UpstreamDown, "127.0.0.1:8000", at: new DateTime(2026, 3, 1, 10, 0, 1));
        var proto = FindingProtoMapper.ToProto(DiagnosisService.Resolve(finding, evidence));

        var parsed = V1.Finding.Parser.ParseFrom(proto.ToByteArray());

        Assert.Equal(proto, parsed);
        Assert.Equal("wrong_target", parsed.RootCause);
        Assert.Equal(V1.Confidence.High, parsed.Confidence);
        Assert.Contains(parsed.Facts, f => f.Source.Probe == "nginx_config" && f.Source.File == "/etc/nginx/conf.d/app.conf" && f.Source.Line == 12);
        Assert.Contains(parsed.Facts, f => f.Source.Probe == "listeners" && f.Source.File == "");
        Assert.Equal(finding.FirstSeen, parsed.FirstSeen.ToDateTime().ToLocalTime());
    }

    [Fact]
    public void Requests_RoundTripWithMetaAndMapToTheDomainQuery()
    {
        var request = new V1.DiagnoseRequest
        {
            Meta = Meta(TimeSpan.FromSeconds(5)), ServerName = "app.example.com", UpstreamTarget = "127.0.0.1:8000", ErrorLogExcerpt = "line",
        };

        var parsed = V1.DiagnoseRequest.Parser.ParseFrom(request.ToByteArray());
        var query = RequestMapper.ToQuery(parsed);

        Assert.Equal(request, parsed);
        Assert.Equal(("app.example.com", "127.0.0.1:8000", "inc-42"), (query.ServerName, query.UpstreamTarget, query.CorrelationId));
        Assert.Equal("/nginx502bot.agent.v1.AgentService/Diagnose", AgentMethods.Diagnose);
        Assert.Equal("AgentService", V1.AgentReflection.Descriptor.Services.Single().Name);
        Assert.All(V1.AgentReflection.Descriptor.Services.Single().Methods, m => Assert.Contains($"/{m.Service.FullName}/{m.Name}", AgentMethods.All));
    }
}
