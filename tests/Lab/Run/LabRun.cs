using Nginx502Bot.Lab.Nginx;
using Nginx502Bot.Lab.Processes;
using Nginx502Bot.Lab.Scenarios;

namespace Nginx502Bot.Lab.Run;

/// <summary>
/// Requests a scenario from the lab's nginx and collects what its logs gained. Runs are serialised: log offsets taken
/// before the first request attribute every new line to this scenario.
/// </summary>
public sealed class LabRun : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(8);
    // Generous: a loaded 2-core CI machine can take many seconds to run nginx, the backends and the tests together.
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(30);

    private readonly LabNginx _nginx;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _sequence;

    public LabRun(LabNginx nginx) => _nginx = nginx;

    public async Task<LabResult> RunAsync(LabScenario scenario, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await RunLockedAsync(scenario, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<LabResult> RunLockedAsync(LabScenario scenario, CancellationToken cancellationToken)
    {
        var errorOffset = LogTail.Offset(_nginx.ErrorLog);
        var accessOffset = LogTail.Offset(_nginx.AccessLog);
        var companionOffset = LogTail.Offset(scenario.CompanionLogFile);
        var requests = new List<string>();
        (int? Status, string? Error) last = default;
        for (var i = 0; i < scenario.Definition.Requests; i++)
        {
            var target = $"{scenario.Path}?lab={Interlocked.Increment(ref _sequence)}";
            var bodyBytes = scenario.Definition.RequestBodyBytes;
            requests.Add($"{(bodyBytes > 0 ? "POST" : "GET")} {target} HTTP/1.1");
            last = await RawHttpClient.SendAsync(_nginx.Port, target, bodyBytes,
                scenario.Definition.ClientTimeout ?? RequestTimeout, cancellationToken);
            // The access-log line is written when nginx finalises the request, after every error line for it.
            await Wait.UntilAsync(() => LogTail.NewLines(_nginx.AccessLog, accessOffset).Any(l => l.StartsWith(target + " ",
                StringComparison.Ordinal)), FlushTimeout, cancellationToken);
        }

        var companion = await CompanionLinesAsync(scenario.CompanionLogFile, companionOffset, cancellationToken);
        var errorLines = LogTail.NewLines(_nginx.ErrorLog, errorOffset);
        var accessLines = LogTail.NewLines(_nginx.AccessLog, accessOffset);
        return new LabResult
        {
            Scenario = scenario,
            ErrorLines = errorLines,
            CompanionLines = companion,
            AccessLines = accessLines,
            Requests = requests,
            ClientStatus = StatusOf(accessLines, requests[^1]),
            HttpStatus = last.Status,
            HttpError = last.Error,
            DecisiveLine = DecisiveRecord.Find(errorLines, requests[^1]),
        };
    }

    /// <summary>Waits until the backend's log has been quiet for 400 ms (at most 4 s): masters log child exits a moment later.</summary>
    private static async Task<IReadOnlyList<string>> CompanionLinesAsync(string? path, long offset,
        CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return [];
        }

        var deadline = DateTime.UtcNow.AddSeconds(4);
        var seen = -1L;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(400, cancellationToken);
            var now = LogTail.Offset(path);
            if (now == seen && now > offset)
            {
                break;
            }

            seen = now;
        }

        return LogTail.NewLines(path, offset);
    }

    private static string? StatusOf(IReadOnlyList<string> accessLines, string requestLine)
    {
        var target = requestLine.Split(' ')[1];
        var line = accessLines.LastOrDefault(l => l.StartsWith(target + " ", StringComparison.Ordinal));
        return line?.Split(' ')[1];
    }
}
