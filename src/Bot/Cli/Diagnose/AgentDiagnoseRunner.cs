using System.Text;
using Nginx502Bot.Bot.Agents;
using Nginx502Bot.Grpc.Status;
using V1 = Nginx502Bot.Agent.Contract.V1;

namespace Nginx502Bot.Bot.Cli.Diagnose;

/// <summary>
/// <c>nginx502bot diagnose --agent URL --agent-token-file F [FILE...]</c>: sends the files' lines as the error-log
/// excerpt to one host agent and prints the agent's findings (root cause refined by its probes) in the usual report.
/// Exit status as for <c>diagnose</c>: 0 nothing found, 1 findings, 2 usage, input or agent failure.
/// </summary>
public static class AgentDiagnoseRunner
{
    /// <summary>The agent refuses longer excerpts; the newest lines are the ones that matter.</summary>
    public const int MaxExcerptChars = 1024 * 1024;

    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string address, string? tokenFile, string[] paths, TextWriter output, TextWriter error,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var endpoint = new AgentEndpoint { Name = "cli", Address = address, TokenFile = tokenFile };
        var problems = new AgentsOptions { Endpoints = [endpoint] }.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(endpoint)).Select(r => r.ErrorMessage).ToList();
        string? token = null;
        if (tokenFile is not null && !TryReadToken(tokenFile, out token, out var tokenProblem)) { problems.Add(tokenProblem); }
        if (problems.Count > 0)
        {
            foreach (var p in problems) { await error.WriteLineAsync($"nginx502bot diagnose: {p}"); }
            return DiagnoseCommand.ExitError;
        }

        string excerpt;
        try
        {
            excerpt = await ReadExcerptAsync(paths, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"nginx502bot diagnose: {e.Message}");
            return DiagnoseCommand.ExitError;
        }

        using var client = new AgentClient(endpoint, token!, time);
        V1.DiagnoseResult result;
        try
        {
            result = await client.DiagnoseAsync(new V1.DiagnoseRequest { ErrorLogExcerpt = excerpt }, Guid.NewGuid().ToString("N"),
                time.GetUtcNow() + Deadline, null, cancellationToken);
        }
        catch (Exception e) when (e is GrpcCallException or HttpRequestException or InvalidOperationException)
        {
            await error.WriteLineAsync($"nginx502bot diagnose: the agent at {address} did not answer: {e.Message}");
            return DiagnoseCommand.ExitError;
        }

        Write(result, output);
        return result.Findings.Count > 0 ? DiagnoseCommand.ExitFailuresFound : DiagnoseCommand.ExitClean;
    }

    private static void Write(V1.DiagnoseResult result, TextWriter output)
    {
        var findings = result.Findings.Select(ProtoFindingMapper.ToFinding).ToList();
        var records = findings.Sum(f => (long)f.Count);
        new HumanReport(output, color: false).Write(findings, records, records, $"agent {result.Hostname}");
        var facts = ProtoFindingMapper.ProbeFacts(result.Evidence);
        if (facts.Count == 0) { return; }
        output.WriteLine();
        output.WriteLine("Probe facts:");
        foreach (var fact in facts) { output.WriteLine("  " + fact); }
    }

    private static bool TryReadToken(string path, out string token, out string problem)
    {
        token = "";
        problem = "";
        try
        {
            token = File.ReadLines(path).FirstOrDefault()?.Trim() ?? "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot read the agent token file: {e.Message}";
            return false;
        }

        problem = token.Length == 0 ? $"the agent token file '{path}' is empty" : "";
        return token.Length > 0;
    }

    /// <summary>The files' text (stdin when none), keeping the newest <see cref="MaxExcerptChars"/> characters.</summary>
    private static async Task<string> ReadExcerptAsync(string[] paths, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var path in paths.Length == 0 ? ["-"] : paths)
        {
            if (path == "-")
            {
                text.Append(await System.Console.In.ReadToEndAsync(cancellationToken));
            }
            else if (Directory.Exists(path))
            {
                throw new IOException($"cannot read '{path}': it is a directory");
            }
            else
            {
                using var reader = new StreamReader(GzipInput.Decompressed(File.OpenRead(path)));
                try
                {
                    text.Append(await reader.ReadToEndAsync(cancellationToken));
                }
                catch (InvalidDataException e)
                {
                    throw GzipInput.NotGzip(path, e);
                }
            }

            if (text.Length > 0 && text[^1] != '\n') { text.Append('\n'); }
        }

        return text.Length <= MaxExcerptChars ? text.ToString() : text.ToString(text.Length - MaxExcerptChars, MaxExcerptChars);
    }
}
