using Microsoft.Win32.SafeHandles;
using Nginx502Bot.Diagnostics.Findings;

namespace Nginx502Bot.Diagnostics.Analysis;

/// <summary>
/// Analyses a seekable file on several cores when no per-record output is needed (the report): the file is cut at line
/// boundaries into one range per core (where no record is split, see <see cref="ChunkBoundary"/>), each range gets its own
/// analyzer, and a worker that finishes early takes the second half of the range with the most left, so that all cores
/// stay busy to the end. The aggregators are merged in file order, which links a request whose attempts straddle a cut
/// as one pass would (<see cref="FindingAggregator.Merge"/>).
/// </summary>
public static class ParallelFileAnalysis
{
    public const long MinChunkBytes = 64L * 1024 * 1024;
    private const int LookBehind = 16 * 1024;

    public sealed record Result(FindingAggregator Aggregator, long Records, long UpstreamFailures, long Bytes, int Lines = 0);

    /// <param name="minChunkBytes">Smallest chunk worth a core of its own (tests cut small files); a range is split for an
    /// idle worker only while at least a sixteenth of that is left.</param>
    /// <param name="input">Which of several inputs the file is (<see cref="Records.LogRecord.Input"/>).</param>
    public static Result Analyze(string path, int defaultYear, int workers, Action<long>? progress, CancellationToken cancellationToken,
        long minChunkBytes = MinChunkBytes, int input = 0)
    {
        // The length of what opens, not of the path: FileInfo gives a symbolic link's own size (a linked log read as empty).
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var length = RandomAccess.GetLength(file);
        var chunks = (int)Math.Clamp(length / minChunkBytes, 1, Math.Max(1, workers));
        if (chunks == 1)
        {
            // A file smaller than two chunks is read on this thread: no range to share, nothing to merge.
            return AnalyzeRange(new FileRange(file, 0, length), defaultYear, input, Advance(progress), cancellationToken);
        }

        var starts = ChunkStarts(file, length, chunks);
        var ranges = starts.Select((start, i) => new FileRange(file, start, i + 1 < starts.Length ? starts[i + 1] : length)).ToList();
        var initial = ranges.ToArray();
        var pieces = new List<(long Start, Result Result)>();
        var minSplitBytes = Math.Max(1, minChunkBytes / 16);
        var advance = Advance(progress);
        try
        {
            Parallel.For(0, initial.Length, new ParallelOptions { MaxDegreeOfParallelism = initial.Length, CancellationToken = cancellationToken }, i =>
            {
                for (var range = initial[i]; range is not null; range = Split(file, length, ranges, minSplitBytes))
                {
                    var result = AnalyzeRange(range, defaultYear, input, advance, cancellationToken);
                    lock (pieces)
                    {
                        pieces.Add((range.Start, result));
                    }
                }
            });
        }
        catch (AggregateException e) when (e.InnerException is IOException or UnauthorizedAccessException)
        {
            // A read that failed on one worker is reported as it would be without workers: one I/O error, not an aggregate.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
        }

        return MergeInOrder(pieces);
    }

    /// <summary>
    /// Folds the ranges' aggregators together in file order. Each range numbered its lines from 1: they are moved once the
    /// lines before it are known (no serial pre-count).
    /// </summary>
    private static Result MergeInOrder(List<(long Start, Result Result)> pieces)
    {
        var results = pieces.OrderBy(p => p.Start).Select(p => p.Result).ToList();
        var merged = results[0].Aggregator;
        long linesBefore = results[0].Lines;
        for (var i = 1; i < results.Count; i++)
        {
            results[i].Aggregator.ShiftLines((int)Math.Min(linesBefore, int.MaxValue));
            linesBefore += results[i].Lines;
            merged.Merge(results[i].Aggregator);
        }

        return new Result(merged, results.Sum(r => r.Records), results.Sum(r => r.UpstreamFailures), results.Sum(r => r.Bytes),
            (int)Math.Min(linesBefore, int.MaxValue));
    }

    /// <summary>What a range reports as it reads: the bytes read so far over all ranges, handed to <paramref name="progress"/>.</summary>
    private static Action<long>? Advance(Action<long>? progress)
    {
        if (progress is null)
        {
            return null;
        }

        long done = 0;
        return bytes => progress(Interlocked.Add(ref done, bytes));
    }

    private static Result AnalyzeRange(FileRange range, int defaultYear, int input, Action<long>? advance, CancellationToken cancellationToken)
    {
        var analyzer = new LogAnalyzer(defaultYear) { Input = input };
        var reader = new LineReader(range);
        var last = 0L;
        reader.ReadAll(line =>
        {
            analyzer.AddLine(line);
            if (advance is not null && reader.BytesRead - last > (16 << 20))
            {
                advance(reader.BytesRead - last);
                last = reader.BytesRead;
            }
        }, cancellationToken);
        analyzer.Complete();
        advance?.Invoke(reader.BytesRead - last);
        return new Result(analyzer.Aggregator, analyzer.RecordCount, analyzer.UpstreamFailureCount, reader.BytesRead, analyzer.LinesRead);
    }

    /// <summary>
    /// For a worker that is done: the second half of the range with the most left (cut where <see cref="ChunkBoundary"/>
    /// allows), or null when no range has <paramref name="minSplitBytes"/> left.
    /// </summary>
    private static FileRange? Split(SafeFileHandle file, long length, List<FileRange> ranges, long minSplitBytes)
    {
        // A few tries: the owner reads on while the cut is looked for, and may pass it.
        for (var attempt = 0; attempt < 4; attempt++)
        {
            FileRange victim;
            lock (ranges)
            {
                victim = ranges.MaxBy(r => r.Remaining)!;
            }

            if (victim.Remaining < minSplitBytes)
            {
                return null;
            }

            var rest = victim.SplitAt(NextCut(file, length, victim.Middle));
            if (rest is not null)
            {
                lock (ranges)
                {
                    ranges.Add(rest);
                }

                return rest;
            }
        }

        return null;
    }

    /// <summary>Chunk starts: each at the first <see cref="ChunkBoundary"/> at or past the even split point.</summary>
    private static long[] ChunkStarts(SafeFileHandle file, long length, int chunks)
    {
        var starts = new List<long> { 0 };
        for (var i = 1; i < chunks; i++)
        {
            var pos = NextCut(file, length, length * i / chunks);
            if (pos < length && pos > starts[^1])
            {
                starts.Add(pos);
            }
        }

        return [.. starts];
    }

    /// <summary>The first <see cref="ChunkBoundary"/> at or past <paramref name="split"/>, or <paramref name="length"/>.</summary>
    private static long NextCut(SafeFileHandle file, long length, long split)
    {
        var buffer = new byte[1 << 20];

        // The window opens a little before the split point, so the line the naive cut would follow can be checked.
        var pos = Math.Max(0, split - LookBehind);
        var from = (int)(split - pos);
        while (pos < length)
        {
            var n = RandomAccess.Read(file, buffer, pos);
            if (n <= from)
            {
                return length;
            }

            var cut = ChunkBoundary.Find(buffer.AsSpan(0, n), from);
            if (cut >= 0)
            {
                return pos + cut;
            }

            pos += n;
            from = 0;
        }

        return length;
    }
}
