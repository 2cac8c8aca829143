using Nginx502Bot.Bot.Agents;
using Nginx502Bot.Diagnostics.Analysis;
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

        // The lines are read before the agent is asked: from a terminal, say how to end the paste, as diagnose does alone.
        if (DiagnoseCommand.ReadsFromTerminal(paths))
        {
            await error.WriteLineAsync(DiagnoseCommand.TerminalHint);
        }

        string excerpt;
        var inputProblems = new List<string>();
        try
        {
            excerpt = ReadExcerpt(paths, inputProblems, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
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
        foreach (var problem in inputProblems)
        {
            await error.WriteLineAsync($"nginx502bot diagnose: {problem}");
        }

        return inputProblems.Count > 0 ? DiagnoseCommand.ExitError
            : result.Findings.Count > 0 ? DiagnoseCommand.ExitFailuresFound : DiagnoseCommand.ExitClean;
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

    /// <summary>
    /// The files' lines (stdin when none; gzip decompressed), keeping the newest <see cref="MaxExcerptChars"/> characters.
    /// An input that could be read only in part (damaged or cut-short gzip) adds a line to <paramref name="problems"/>.
    /// </summary>
    private static string ReadExcerpt(string[] paths, List<string> problems, CancellationToken cancellationToken)
    {
        var tail = new ExcerptTail(MaxExcerptChars);
        foreach (var path in paths.Length == 0 ? ["-"] : paths)
        {
            var name = path == "-" ? "stdin" : path;
            using var input = DiagnoseCommand.Open(path);
            if (GzipInput.ReadLines(name, input, new LineReader(input), line => tail.Add(line), cancellationToken) is { } problem)
            {
                problems.Add(problem);
            }
        }

        return tail.ToString();
    }
}
