using System.Diagnostics;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Builder;
using Nginx502Bot.Agent.Serve;
using Nginx502Bot.Agent.Tests.Support;
using V1 = Nginx502Bot.Agent.Contract.V1;

namespace Nginx502Bot.Agent.Tests.Serve;

/// <summary>Debian's python3-grpcio calls the real agent (serve on loopback h2c): token checks, streaming Diagnose, inventory.</summary>
public sealed class PythonClientInteropTests
{
    private const string Python = "/usr/bin/python3";
    private const string Token = "python-interop-token-0123456789";

    [Fact]
    public async Task PythonGrpcioClient_CallsTheAgent()
    {
        await using var app = AgentServer.Build(new Dictionary<string, string?>
        {
            ["Serve:Address"] = "127.0.0.1", ["Serve:Port"] = "0", ["Serve:Insecure"] = "true", ["Serve:Token"] = Token,
            ["Agent:Root"] = FixturePaths.Host, ["Agent:DirectProbes"] = "false", ["Agent:ExecNginx"] = "false", ["Agent:UseSystemctl"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await app.StartAsync();
        var descriptorSet = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(descriptorSet, DescriptorSet());
            var target = new Uri(app.Urls.First()).Authority;

            var (exit, output) = await RunAsync(FixturePaths.Python("agent_client.py"), target, descriptorSet, Token);

            Assert.True(exit == 0, output);
            Assert.Contains("OK unauthenticated", output, StringComparison.Ordinal);
            Assert.Contains("OK diagnose stream", output, StringComparison.Ordinal);
            Assert.Contains("ALL OK", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(descriptorSet);
            await app.StopAsync();
        }
    }

    /// <summary>agent.proto and its imports as a FileDescriptorSet, dependencies first.</summary>
    private static byte[] DescriptorSet()
    {
        var set = new FileDescriptorSet();
        foreach (var file in V1.AgentReflection.Descriptor.Dependencies.Append(V1.AgentReflection.Descriptor))
        {
            set.File.Add(FileDescriptorProto.Parser.ParseFrom(file.SerializedData));
        }

        return set.ToByteArray();
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var psi = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) { psi.ArgumentList.Add(a); }
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
