using System.Text.Json;
using System.Text.Json.Serialization;
using Nginx502Bot.Lab.Processes;

namespace Nginx502Bot.Lab.Backends;

/// <summary>One /usr/bin/python3 process serving every broken listener the scenarios asked for.</summary>
public static class PythonBackends
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Starts the listeners and waits for the script's READY (all bound).</summary>
    public static async Task<ChildProcess> StartAsync(string directory, IReadOnlyList<LabBackend> backends,
        CancellationToken cancellationToken)
    {
        var spec = Path.Combine(directory, "backends.json");
        await File.WriteAllTextAsync(spec, JsonSerializer.Serialize(backends, Json), cancellationToken);
        var ready = false;
        var process = ChildProcess.Start(LabScripts.Python, ["-u", LabScripts.File("lab_backends.py"), spec]);
        process.LineWritten += line => ready |= line == "READY";
        var started = await Wait.UntilAsync(() => ready || process.HasExited, TimeSpan.FromSeconds(10), cancellationToken);
        if (!started || !ready)
        {
            throw process.StartFailure("python backends");
        }

        return process;
    }
}
