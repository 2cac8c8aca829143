using Nginx502Bot.Diagnostics.Findings;

namespace Nginx502Bot.Diagnostics.Analysis;

/// <summary>
/// Analyses a seekable file on several cores when no per-record output is needed (the report): the file is cut at line
/// boundaries into one chunk per core, each chunk gets its own analyzer, and the aggregators are merged in file order.
/// A request whose retries straddle a cut loses only its retry link.
/// </summary>
public static class ParallelFileAnalysis
{
    public const long MinChunkBytes = 64L * 1024 * 1024;

    public sealed record Result(FindingAggregator Aggregator, long Records, long UpstreamFailures, long Bytes);

    public static Result Analyze(string path, int defaultYear, int workers, Action<long>? progress, CancellationToken cancellationToken)
    {
        // The length of what opens, not of the path: FileInfo gives a symbolic link's own size (a linked log read as empty).
        long length;
        using (var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1))
        {
            length = probe.Length;
        }

        var chunks = (int)Math.Clamp(length / MinChunkBytes, 1, Math.Max(1, workers));
        var starts = ChunkStarts(path, length, chunks);
        var firstLines = FirstLineNumbers(path, starts, cancellationToken);
        var results = new Result[starts.Length];
        long done = 0;
        Parallel.For(0, starts.Length, new ParallelOptions { MaxDegreeOfParallelism = chunks, CancellationToken = cancellationToken }, i =>
        {
            var end = i + 1 < starts.Length ? starts[i + 1] : length;
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            file.Position = starts[i];
            using var slice = new BoundedStream(file, end - starts[i]);
            var analyzer = new LogAnalyzer(defaultYear, firstLineNumber: firstLines[i]);
            var reader = new LineReader(slice);
            var last = 0L;
            reader.ReadAll(line =>
            {
                analyzer.AddLine(line);
                if (progress is not null && reader.BytesRead - last > (16 << 20))
                {
                    progress(Interlocked.Add(ref done, reader.BytesRead - last));
                    last = reader.BytesRead;
                }
            }, cancellationToken);
            analyzer.Complete();
            results[i] = new Result(analyzer.Aggregator, analyzer.RecordCount, analyzer.UpstreamFailureCount, reader.BytesRead);
        });

        var merged = results[0].Aggregator;
        for (var i = 1; i < results.Length; i++)
        {
            merged.Merge(results[i].Aggregator);
        }

        return new Result(merged, results.Sum(r => r.Records), results.Sum(r => r.UpstreamFailures), results.Sum(r => r.Bytes));
    }

    /// <summary>Chunk starts: each just after a newline at or past the even split point.</summary>
    private static long[] ChunkStarts(string path, long length, int chunks)
    {
        var starts = new List<long> { 0 };
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
        var buffer = new byte[64 * 1024];
        for (var i = 1; i < chunks; i++)
        {
            var pos = length * i / chunks;
            while (pos < length)
            {
                file.Position = pos;
                var n = file.Read(buffer);
                if (n == 0)
                {
                    break;
                }

                var nl = buffer.AsSpan(0, n).IndexOf((byte)'\n');
                if (nl >= 0)
                {
                    pos += nl + 1;
                    break;
                }

                pos += n;
            }

            if (pos < length && pos > starts[^1])
            {
                starts.Add(pos);
            }
        }

        return [.. starts];
    }

    /// <summary>Line numbers at each chunk start: newlines counted before it (a vectorised count, cheap next to parsing).</summary>
    private static int[] FirstLineNumbers(string path, long[] starts, CancellationToken cancellationToken)
    {
        var lines = new int[starts.Length];
        lines[0] = 1;
        if (starts.Length == 1)
        {
            return lines;
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        long pos = 0;
        var count = 0L;
        for (var i = 1; i < starts.Length; i++)
        {
            while (pos < starts[i])
            {
                cancellationToken.ThrowIfCancellationRequested();
                var n = file.Read(buffer, 0, (int)Math.Min(buffer.Length, starts[i] - pos));
                if (n == 0)
                {
                    break;
                }

                count += buffer.AsSpan(0, n).Count((byte)'\n');
                pos += n;
            }

            lines[i] = (int)Math.Min(int.MaxValue, count + 1);
        }

        return lines;
    }
}
