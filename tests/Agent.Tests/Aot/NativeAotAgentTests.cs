using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Nginx502Bot.Agent.Contract;
using Nginx502Bot.Agent.Tests.Support;
using Nginx502Bot.Grpc.Client;
using Nginx502Bot.Grpc.Status;
using V1 = Nginx502Bot.Agent.Contract.V1;

namespace Nginx502Bot.Agent.Tests.Aot;

/// <summary>
/// The NativeAOT binary operators install (scripts/publish-agent-aot.sh) behaves as the JIT build the other tests
/// exercise: the same <c>probe</c> output on the fixture host, and <c>serve</c> answering our gRPC client with the token
/// and refusing calls without it.
/// </summary>
public sealed class NativeAotAgentTests(NativeAotAgent aot) : IClassFixture<NativeAotAgent>
{
    private const string Token = "aot-test-token-0123456789abcdef";
    private static readonly string[] FixtureWindow = ["--from", "2026-03-01T09:00:00Z", "--to", "2026-03-01T11:00:00Z"];

    [Fact]
    public async Task Probe_OnTheFixtureHost_PrintsWhatTheJitBuildPrints()
    {
        string[] args = ["probe", "--root", FixturePaths.Host, "--no-direct", .. FixtureWindow];
        var jitDll = Path.Combine(AppContext.BaseDirectory, "nginx502bot-agent.dll");

        var (nativeExit, nativeJson) = await RunAsync(aot.Binary, args);
        var (jitExit, jitJson) = await RunAsync("dotnet", [jitDll, .. args]);

        Assert.Equal(1, nativeExit); // upstream failures found
        Assert.Equal(jitExit, nativeExit);
        var native = WithoutTimings(nativeJson);
        Assert.Contains("\"root_cause\": \"oom_killed\"", nativeJson, StringComparison.Ordinal);
        Assert.Equal(WithoutTimings(jitJson), native);
    }

    [Fact]
    public async Task Serve_WithTheToken_AnswersHealthAndDiagnose_AndWithoutIt_Unauthenticated()
    {
        var port = FreePort();
        using var process = StartServe(port);
        try
        {
            using var channel = new GrpcChannel(new Uri($"http://127.0.0.1:{port}"));
            await WaitHealthyAsync(channel, process);

            var inventory = await Assert.ThrowsAsync<GrpcCallException>(() => channel.CallUnaryAsync<V1.GetInventoryRequest, V1.GetInventoryResponse>(
                AgentMethods.GetInventory, new V1.GetInventoryRequest { Meta = Meta() }, [], DateTimeOffset.UtcNow.AddSeconds(5)));
            var messages = new List<V1.DiagnoseResponse>();
            var request = new V1.DiagnoseRequest
            {
                Meta = Meta(),
                ServerName = "app.example.com",
                WindowStart = Timestamp.FromDateTimeOffset(DateTimeOffset.Parse("2026-03-01T09:00:00Z", CultureInfo.InvariantCulture)),
                WindowEnd = Timestamp.FromDateTimeOffset(DateTimeOffset.Parse("2026-03-01T11:00:00Z", CultureInfo.InvariantCulture)),
            };
            await foreach (var m in channel.CallServerStreamingAsync<V1.DiagnoseRequest, V1.DiagnoseResponse>(AgentMethods.Diagnose, request, Auth(),
                DateTimeOffset.UtcNow.AddSeconds(30))) { messages.Add(m); }

            Assert.Equal(GrpcStatusCode.Unauthenticated, inventory.StatusCode);
            Assert.Contains(messages, m => m.Progress is not null);
            var result = messages[^1].Result;
            Assert.NotNull(result);
            Assert.Equal("/usr/sbin/nginx", result.Evidence.NginxInstances.Single().Binary);
            Assert.Contains(result.Findings, f => f.Target == "127.0.0.1:8000" && f.RootCause == "selinux_denied");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
        }
    }

    private static V1.RequestMeta Meta() => new() { RequestId = "aot-1", CorrelationId = "aot-corr-1" };

    private static KeyValuePair<string, string>[] Auth() => [new("authorization", "Bearer " + Token), new("x-request-id", "aot-corr-1")];

    private Process StartServe(int port)
    {
        var psi = new ProcessStartInfo(aot.Binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "serve", "--insecure", "--address", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture) }) { psi.ArgumentList.Add(a); }
        psi.Environment["NGINX502BOT_Serve__Token"] = Token;
        psi.Environment["NGINX502BOT_Agent__Root"] = FixturePaths.Host;
        psi.Environment["NGINX502BOT_Agent__DirectProbes"] = "false";
        psi.Environment["NGINX502BOT_Agent__ExecNginx"] = "false";
        psi.Environment["NGINX502BOT_Agent__UseSystemctl"] = "false";
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the AOT agent");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Health with the token, retried for at most 10 s while the listener comes up.</summary>
    private static async Task WaitHealthyAsync(GrpcChannel channel, Process process)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                var health = await channel.CallUnaryAsync<V1.HealthRequest, V1.HealthResponse>(AgentMethods.Health, new V1.HealthRequest { Meta = Meta() },
                    Auth(), DateTimeOffset.UtcNow.AddSeconds(2));
                Assert.Equal(V1.ServingStatus.Serving, health.Status);
                return;
            }
            catch (GrpcCallException e) when (e.StatusCode == GrpcStatusCode.Unavailable && DateTime.UtcNow < until && !process.HasExited)
            {
                await Task.Delay(20);
            }
        }
    }

    private static async Task<(int Exit, string Stdout)> RunAsync(string file, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) { psi.ArgumentList.Add(a); }
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + file);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        _ = await stderr;
        return (process.ExitCode, await stdout);
    }

    /// <summary>The probe JSON without what differs run to run: probe durations and the finish time.</summary>
    private static string WithoutTimings(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        root.Remove("finished_at");
        foreach (var probe in root["probes"]!.AsArray()) { probe!.AsObject().Remove("duration_ms"); }
        return root.ToJsonString();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
