using Nginx502Bot.Diagnostics.Findings;

namespace Nginx502Bot.Diagnostics.Analysis;

/// <summary>
/// Analyses a seekable file on several cores when no per-record output is needed (the report): the file is cut at line
/// boundaries into one chunk per core (where no record is split, see <see cref="ChunkBoundary"/>), each chunk gets its own
/// analyzer, and the aggregators are merged in file order. A request whose retries straddle a cut loses only its retry link.
/// </summary>
public static class ParallelFileAnalysis
{
    public const long MinChunkBytes = 64L * 1024 * 1024;
    private const int LookBehind = 16 * 1024;

    public sealed record Result(FindingAggregator Aggregator, long Records, long UpstreamFailures, long Bytes, int Lines = 0);

    /// <param name="minChunkBytes">Smallest chunk worth a core of its own (tests cut small files).</param>
    public static Result Analyze(string path, int defaultYear, int workers, Action<long>? progress, CancellationToken cancellationToken,
        long minChunkBytes = MinChunkBytes)
    {
        // The length of what opens, not of the path: FileInfo gives a symbolic link's own size (a linked log read as empty).
        long length;
        using (var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1))
        {
            length = probe.Length;
        }

        var chunks = (int)Math.Clamp(length / minChunkBytes, 1, Math.Max(1, workers));
        var starts = ChunkStarts(path, length, chunks);
        var results = new Result[starts.Length];
        long done = 0;
        Parallel.For(0, starts.Length, new ParallelOptions { MaxDegreeOfParallelism = chunks, CancellationToken = cancellationToken }, i =>
        {
            var end = i + 1 < starts.Length ? starts[i + 1] : length;
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            file.Position = starts[i];
            using var slice = new BoundedStream(file, end - starts[i]);
            // Each chunk numbers its lines from 1; they are moved once the lines before it are known (no serial pre-count).
            var analyzer = new LogAnalyzer(defaultYear);
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
            results[i] = new Result(analyzer.Aggregator, analyzer.RecordCount, analyzer.UpstreamFailureCount, reader.BytesRead, analyzer.LinesRead);
        });

        var merged = results[0].Aggregator;
        long linesBefore = results[0].Lines;
        for (var i = 1; i < results.Length; i++)
        {
            results[i].Aggregator.ShiftLines((int)Math.Min(linesBefore, int.MaxValue));
            linesBefore += results[i].Lines;
            merged.Merge(results[i].Aggregator);
        }

        return new Result(merged, results.Sum(r => r.Records), results.Sum(r => r.UpstreamFailures), results.Sum(r => r.Bytes));
    }

    /// <summary>Chunk starts: each at the first <see cref="ChunkBoundary"/> at or past the even split point.</summary>
    private static long[] ChunkStarts(string path, long length, int chunks)
    {
        var starts = new List<long> { 0 };
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
        var buffer = new byte[1 << 20];
        for (var i = 1; i < chunks; i++)
        {
            // The window opens a little before the split point, so the line the naive cut would follow can be checked.
            var split = length * i / chunks;
            var pos = Math.Max(0, split - LookBehind);
            var from = (int)(split - pos);
            while (pos < length)
            {
                file.Position = pos;
                var n = file.Read(buffer);
                if (n <= from)
                {
                    pos = length;
                    break;
                }

                var cut = ChunkBoundary.Find(buffer.AsSpan(0, n), from);
                if (cut >= 0)
                {
                    pos += cut;
                    break;
                }

                pos += n;
                from = 0;
            }

            if (pos < length && pos > starts[^1])
            {
                starts.Add(pos);
            }
        }

        return [.. starts];
    }
}
