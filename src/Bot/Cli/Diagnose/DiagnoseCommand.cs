using System.CommandLine;
using System.CommandLine.Parsing;
using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Diagnostics.Findings;

namespace Nginx502Bot.Bot.Cli.Diagnose;

/// <summary>
/// <c>nginx502bot diagnose [FILE...] [--json]</c> (or <c>--agent URL --agent-token-file F</c>, see <see cref="AgentDiagnoseRunner"/>): reads nginx error logs (and companion logs) from files or stdin,
/// streams them through the engine, and prints a report or one JSON object.
/// Exit status: 0 no upstream failure, 1 upstream failure found, 2 the input could not be read (also when part of it could:
/// a damaged or cut-short gzip file, whose readable part is still reported) or the usage was wrong (an unknown option, a
/// missing value: see <see cref="BotCommandLine.InvokeAsync"/>).
/// </summary>
public static class DiagnoseCommand
{
    public const int ExitClean = 0;
    public const int ExitFailuresFound = 1;
    public const int ExitError = 2;

    public static Command Create(TimeProvider time)
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.ZeroOrMore, Description = "Log files to read; none or '-' reads stdin. Several files are correlated together." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (records, findings, summary); schema in docs/diagnose-json.md." };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the report (NO_COLOR is honoured too)." };
        var agent = new Option<string?>("--agent") { Description = "Ask this host agent (https://HOST:PORT, or http:// on loopback) to diagnose the lines with its probes." };
        var agentToken = new Option<string?>("--agent-token-file") { Description = "File whose first line is the agent's bearer token (with --agent)." };
        var command = new Command("diagnose", "Classify nginx upstream errors in error-log text and say what to do.") { files, json, noColor, agent, agentToken };
        command.SetAction((result, ct) =>
        {
            if (UnknownOption(result, files) is { } unknown)
            {
                System.Console.Error.WriteLine($"nginx502bot diagnose: unknown option '{unknown}'; a file whose name starts with '-' goes after '--'");
                return Task.FromResult(BotCommandLine.ExitUsage);
            }

            return result.GetValue(agent) is { } address
                ? RunWithAgentAsync(address, result.GetValue(agentToken), result.GetValue(files) ?? [], result.GetValue(json), time, ct)
                : Task.FromResult(Run(result.GetValue(files) ?? [], result.GetValue(json), result.GetValue(noColor), time, ct));
        });
        return command;
    }

    /// <summary>
    /// A file argument that looks like an option (<c>--jsno</c>, <c>-j</c>) and stands before any <c>--</c>: a mistyped
    /// option, which would otherwise be reported as a missing file. <c>-</c> alone is stdin; an option's own value
    /// (<c>--agent-token-file -token</c>) is not a file argument.
    /// </summary>
    private static string? UnknownOption(ParseResult result, Argument<string[]> files)
    {
        var given = result.GetResult(files)?.Tokens ?? [];
        foreach (var token in result.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                return null;
            }

            if (token.Type == TokenType.Argument && token.Value.Length > 1 && token.Value[0] == '-' && given.Any(t => ReferenceEquals(t, token)))
            {
                return token.Value;
            }
        }

        return null;
    }

    private static async Task<int> RunWithAgentAsync(string address, string? tokenFile, string[] paths, bool json, TimeProvider time, CancellationToken ct)
    {
        if (json || tokenFile is null)
        {
            await System.Console.Error.WriteLineAsync(json ? "nginx502bot diagnose: --json is not supported with --agent" : "nginx502bot diagnose: --agent needs --agent-token-file");
            return ExitError;
        }

        return await AgentDiagnoseRunner.RunAsync(address, tokenFile, paths, System.Console.Out, System.Console.Error, time, ct);
    }

    /// <summary>Said on stderr when stdin is to be read and is a terminal: without it, a bare <c>diagnose</c> looks hung.</summary>
    public const string TerminalHint =
        "nginx502bot diagnose: reading the lines pasted here; end with Ctrl-D on an empty line (or name a file: nginx502bot diagnose /var/log/nginx/error.log)";

    /// <summary>True when stdin is among the inputs (no file named, or "-") and is a terminal: then say <see cref="TerminalHint"/>.</summary>
    internal static bool ReadsFromTerminal(string[] paths) => (paths.Length == 0 || paths.Contains("-")) && !System.Console.IsInputRedirected;

    public static int Run(string[] paths, bool json, bool noColor, TimeProvider time, CancellationToken cancellationToken)
    {
        if (ReadsFromTerminal(paths))
        {
            System.Console.Error.WriteLine(TerminalHint);
        }

        var inputs = new List<(string Name, Stream Stream)>();
        try
        {
            foreach (var path in paths.Length == 0 ? ["-"] : paths)
            {
                inputs.Add((path == "-" ? "stdin" : path, Open(path)));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            System.Console.Error.WriteLine($"nginx502bot diagnose: {e.Message}");
            inputs.ForEach(i => i.Stream.Dispose());
            return ExitError;
        }

        try
        {
            return Analyze(inputs, json, noColor, time, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            System.Console.Error.WriteLine($"nginx502bot diagnose: reading failed: {e.Message}");
            return ExitError;
        }
        finally
        {
            inputs.ForEach(i => i.Stream.Dispose());
        }
    }

    /// <summary>An input by its command-line name ('-' is stdin), decompressed when it is gzip; a clear IOException when it cannot be opened.</summary>
    internal static Stream Open(string path)
    {
        if (path == "-")
        {
            return GzipInput.DecompressedPipe(System.Console.OpenStandardInput());
        }

        if (Directory.Exists(path))
        {
            throw new IOException($"cannot read '{path}': it is a directory");
        }

        try
        {
            return GzipInput.Decompressed(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan));
        }
        catch (FileNotFoundException)
        {
            throw new IOException($"cannot read '{path}': no such file");
        }
        catch (UnauthorizedAccessException)
        {
            throw new IOException($"cannot read '{path}': permission denied");
        }
    }

    private static int Analyze(List<(string Name, Stream Stream)> inputs, bool json, bool noColor, TimeProvider time, CancellationToken ct)
    {
        var aggregator = new FindingAggregator();
        var year = time.GetLocalNow().Year;
        using var stdout = System.Console.OpenStandardOutput();
        // With several inputs, records and evidence say which one they came from; with one, nothing is added.
        var names = inputs.Count > 1 ? inputs.ConvertAll(i => i.Name) : null;
        using var jsonWriter = json ? new JsonReportWriter(stdout, names) : null;

        // Writing JSON and aggregating cost about as much as parsing: they run on another core, records still in input order.
        // (Aggregating on the parsing thread instead made that thread the busier one by a wider margin; a thread each for the
        // JSON and the aggregator took ~10 % more CPU and ~17 MB more memory, for no wall-time gain measurable on two shared cores.)
        using var background = jsonWriter is null ? null : new BackgroundRecordSink(new TeeRecordSink(jsonWriter, aggregator));
        var total = inputs.Sum(i => i.Stream.CanSeek ? i.Stream.Length : 0);
        var progress = new ProgressReporter(total, !System.Console.IsErrorRedirected);
        long records = 0, failures = 0, done = 0;
        var problems = new List<string>();
        var notices = new List<string>();
        for (var input = 0; input < inputs.Count; input++)
        {
            var (name, stream) = inputs[input];
            if (jsonWriter is null && stream is FileStream file && file.CanSeek && file.Length > 0)
            {
                // The report needs no per-record output: use every core on the file. (A file that says it is empty but may
                // not be, such as one under /proc, is streamed below instead.)
                var head = new byte[TextSniff.HeadBytes];
                Notice(notices, name, head.AsSpan(0, RandomAccess.Read(file.SafeFileHandle, head, 0)));
                var offset = done;
                var result = ParallelFileAnalysis.Analyze(file.Name, year, Environment.ProcessorCount,
                    bytes => progress.Report(offset + bytes, records), ct, input: input);
                // The first input's findings are taken as they are: merged into an empty aggregator they would only be copied.
                if (aggregator.IsEmpty)
                {
                    aggregator = result.Aggregator;
                }
                else
                {
                    aggregator.MergeInput(result.Aggregator);
                }

                records += result.Records;
                failures += result.UpstreamFailures;
                done += result.Bytes;
                continue;
            }

            var analyzer = background is null
                ? new LogAnalyzer(year, null, aggregator) { Input = input }
                : LogAnalyzer.WithoutAggregator(year, background, input);
            var kept = new HeadKeepingStream(stream);
            var reader = new LineReader(kept);
            var lines = 0;

            // A damaged or cut-short compressed file among several: what it held up to there and the other inputs still count.
            var problem = GzipInput.ReadLines(name, stream, reader, line =>
            {
                analyzer.AddLine(line);
                if ((++lines & 0xFFFF) == 0)
                {
                    progress.Report(done + reader.BytesRead, records + analyzer.RecordCount);
                }
            }, ct);
            if (problem is not null)
            {
                problems.Add(problem);
            }

            analyzer.Complete();
            Notice(notices, name, kept.Head);
            records += analyzer.RecordCount;
            failures += analyzer.UpstreamFailureCount;
            done += reader.BytesRead;
        }

        background?.Complete();
        progress.Done();
        var findings = aggregator.Build();
        if (jsonWriter is not null)
        {
            jsonWriter.Finish(findings, records, failures);
            stdout.Write("\n"u8);
        }
        else
        {
            var color = !noColor && !System.Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null
                && Environment.GetEnvironmentVariable("TERM") != "dumb";
            var source = inputs.Count == 1 ? inputs[0].Name : $"{inputs.Count} inputs";
            using var writer = new StreamWriter(stdout, leaveOpen: true) { AutoFlush = false };
            new HumanReport(writer, color, names).Write(findings, records, failures, source);
        }

        // Said after the report, so that a terminal shows it last: the report above is short of what these inputs lost, or
        // (a notice, which changes no exit status) read an input that was likely not meant.
        foreach (var line in notices.Concat(problems))
        {
            System.Console.Error.WriteLine($"nginx502bot diagnose: {line}");
        }

        return problems.Count > 0 ? ExitError : findings.Count > 0 ? ExitFailuresFound : ExitClean;
    }

    /// <summary>Notes an input whose head does not look like text: it was read all the same.</summary>
    private static void Notice(List<string> notices, string name, ReadOnlySpan<byte> head)
    {
        if (TextSniff.NotTextReason(head) is { } reason)
        {
            notices.Add($"'{name}' does not look like a text log ({reason}); it was read as one");
        }
    }
}
