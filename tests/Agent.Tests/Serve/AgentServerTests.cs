using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nginx502Bot.Agent.Contract;
using Nginx502Bot.Agent.Probes;
using Nginx502Bot.Agent.Serve;
using Nginx502Bot.Agent.Tests.Support;
using Nginx502Bot.Grpc.Client;
using Nginx502Bot.Grpc.Status;
using V1 = Nginx502Bot.Agent.Contract.V1;

namespace Nginx502Bot.Agent.Tests.Serve;

/// <summary>The real serve host on loopback h2c, called through our gRPC client: authentication, rate limit, streaming.</summary>
public sealed class AgentServerTests
{
    private const string Token = "test-token-0123456789abcdef";

    private static async Task<(WebApplication App, GrpcChannel Channel, CountingProbe Probe)> StartAsync(Dictionary<string, string?>? extra = null)
    {
        var probe = new CountingProbe();
        var settings = new Dictionary<string, string?>
        {
            ["Serve:Address"] = "127.0.0.1", ["Serve:Port"] = "0", ["Serve:Insecure"] = "true", ["Serve:Token"] = Token,
            ["Agent:Root"] = FixturePaths.Host, ["Agent:DirectProbes"] = "false", ["Agent:ExecNginx"] = "false", ["Agent:UseSystemctl"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (k, v) in extra ?? []) { settings[k] = v; }
        var app = AgentServer.Build(settings, s => s.AddSingleton<IProbe>(probe));
        await app.StartAsync();
        return (app, new GrpcChannel(new Uri(app.Urls.First())), probe);
    }

    private static KeyValuePair<string, string>[] Auth(string? token) => token is null
        ? [new("x-request-id", "corr-1")]
        : [new("authorization", "Bearer " + token), new("x-request-id", "corr-1")];

    private static V1.RequestMeta Meta() => new() { RequestId = "r1", CorrelationId = "corr-1" };

    [Fact]
    public async Task Health_WithTheToken_IsServing()
    {
        var (app, channel, _) = await StartAsync();
        await using var _app = app;
        using var _channel = channel;

        var health = await channel.CallUnaryAsync<V1.HealthRequest, V1.HealthResponse>(AgentMethods.Health, new V1.HealthRequest { Meta = Meta() },
            Auth(Token), DateTimeOffset.UtcNow.AddSeconds(5));

        Assert.Equal(V1.ServingStatus.Serving, health.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token-0123456789abcdef")]
    [InlineData("test-token-0123456789abcdeF")]
    public async Task MissingOrWrongToken_IsUnauthenticatedBeforeAnyProbe(string? token)
    {
        var (app, channel, probe) = await StartAsync();
        await using var _app = app;
        using var _channel = channel;

        var e = await Assert.ThrowsAsync<GrpcCallException>(() => channel.CallUnaryAsync<V1.GetInventoryRequest, V1.GetInventoryResponse>(
            AgentMethods.GetInventory, new V1.GetInventoryRequest { Meta = Meta() }, Auth(token), DateTimeOffset.UtcNow.AddSeconds(5)));
        var stream = Assert.ThrowsAsync<GrpcCallException>(async () =>
        {
            await foreach (var _ in channel.CallServerStreamingAsync<V1.DiagnoseRequest, V1.DiagnoseResponse>(AgentMethods.Diagnose,
                new V1.DiagnoseRequest { Meta = Meta() }, Auth(token), DateTimeOffset.UtcNow.AddSeconds(5))) { }
        });

        Assert.Equal(GrpcStatusCode.Unauthenticated, e.StatusCode);
        Assert.Equal(GrpcStatusCode.Unauthenticated, (await stream).StatusCode);
        Assert.Equal(0, probe.Runs);
    }

    [Fact]
    public async Task ExpiredToken_IsUnauthenticatedBeforeAnyProbe()
    {
        var (app, channel, probe) = await StartAsync(new() { ["Serve:TokenNotAfter"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O") });
        await using var _app = app;
        using var _channel = channel;

        var e = await Assert.ThrowsAsync<GrpcCallException>(() => channel.CallUnaryAsync<V1.GetInventoryRequest, V1.GetInventoryResponse>(
            AgentMethods.GetInventory, new V1.GetInventoryRequest { Meta = Meta() }, Auth(Token), DateTimeOffset.UtcNow.AddSeconds(5)));

        Assert.Equal(GrpcStatusCode.Unauthenticated, e.StatusCode);
        Assert.Equal(0, probe.Runs);
    }

    [Fact]
    public async Task Diagnose_OverTheWire_StreamsProgressThenTheResult()
    {
        var (app, channel, probe) = await StartAsync();
        await using var _app = app;
        using var _channel = channel;

        var messages = new List<V1.DiagnoseResponse>();
        await foreach (var m in channel.CallServerStreamingAsync<V1.DiagnoseRequest, V1.DiagnoseResponse>(AgentMethods.Diagnose,
            new V1.DiagnoseRequest { Meta = Meta() }, Auth(Token), DateTimeOffset.UtcNow.AddSeconds(20))) { messages.Add(m); }

        Assert.Equal(15, messages.Count(m => m.Progress is not null));
        Assert.NotNull(messages[^1].Result);
        Assert.Equal("/usr/sbin/nginx", messages[^1].Result.Evidence.NginxInstances.Single().Binary);
        Assert.Equal(1, probe.Runs);
    }

    [Fact]
    public async Task TooManyCalls_AreResourceExhausted()
    {
        var (app, channel, _) = await StartAsync(new() { ["Serve:RateLimitPerMinute"] = "3" });
        await using var _app = app;
        using var _channel = channel;
        Task<V1.HealthResponse> Call() => channel.CallUnaryAsync<V1.HealthRequest, V1.HealthResponse>(AgentMethods.Health, new V1.HealthRequest { Meta = Meta() },
            Auth(Token), DateTimeOffset.UtcNow.AddSeconds(5));

        for (var i = 0; i < 3; i++) { await Call(); }
        var e = await Assert.ThrowsAsync<GrpcCallException>(Call);

        Assert.Equal(GrpcStatusCode.ResourceExhausted, e.StatusCode);
    }

    [Fact]
    public async Task Healthz_AnswersOverH2c()
    {
        var (app, channel, _) = await StartAsync();
        await using var _app = app;
        using var _channel = channel;
        using var http = new HttpClient { DefaultRequestVersion = System.Net.HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        var body = await http.GetStringAsync(new Uri(new Uri(app.Urls.First()), "/healthz"));

        Assert.Equal("ok", body);
    }

    [Theory]
    [InlineData("0.0.0.0", "true", "Token", "Serve:Insecure (h2c) is only allowed on a loopback address.")]
    [InlineData("127.0.0.1", "false", "Token", "Serve:CertificatePath is required unless Serve:Insecure is set on loopback.")]
    [InlineData("127.0.0.1", "true", "short", "must hold a token of at least 16 characters")]
    public void UnsafeSettings_RefuseToStart(string address, string insecure, string token, string failure)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Serve:Address"] = address, ["Serve:Port"] = "0", ["Serve:Insecure"] = insecure, ["Serve:Token"] = token == "Token" ? Token : token,
        };
        var e = Assert.Throws<OptionsValidationException>(() => AgentServer.Build(settings));

        Assert.Contains(e.Failures, f => f.Contains(failure, StringComparison.Ordinal));
    }
}
