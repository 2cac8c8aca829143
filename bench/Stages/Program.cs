using System.Diagnostics;
using System.Globalization;
using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Diagnostics.Records;

// stages LOG SIZE_MB [PASSES]: the head of LOG (whole lines, SIZE_MB at most) held in memory and analysed on one core,
// three ways, each the best of PASSES: lines only (split and decode), records (unwrap, join, parse, classify: what the
// --json thread does before the writer), and the report's path (records and the finding aggregator). The differences
// between them are each stage's share. Then the report path on each line shape alone (see LineShapes).
if (args.Length is < 2 or > 3 || !int.TryParse(args[1], out var megabytes) || megabytes <= 0)
{
    Console.Error.WriteLine("usage: stages LOG SIZE_MB [PASSES]");
    return 2;
}

var passes = args.Length == 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
var bytes = new byte[(long)megabytes << 20];
int read;
using (var file = File.OpenRead(args[0]))
{
    read = file.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
}

var length = bytes.AsSpan(0, read).LastIndexOf((byte)'\n') + 1;
var lines = 0L;
var records = 0L;

double Best(Action<LineReader> pass)
{
    var best = double.MaxValue;
    for (var i = 0; i < passes; i++)
    {
        var watch = Stopwatch.StartNew();
        pass(new LineReader(new MemoryStream(bytes, 0, length, writable: false)));
        best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
    }

    return best;
}

var split = Best(reader => reader.ReadAll(_ => lines++));
var sink = new CountingSink();
var classified = Best(reader =>
{
    var analyzer = LogAnalyzer.WithoutAggregator(2026, sink);
    reader.ReadAll(analyzer.AddLine);
    analyzer.Complete();
    records = analyzer.RecordCount;
});
var report = Best(reader =>
{
    var analyzer = new LogAnalyzer(2026);
    reader.ReadAll(analyzer.AddLine);
    analyzer.Complete();
});

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{args[0]}: first {length / 1048576.0:F0} MiB, {records} records, best of {passes} passes, one core"));
Row("lines: split and decode", split, split);
Row("records: + unwrap, join, parse, classify", classified, classified - split);
Row("report path: + finding aggregator", report, report - classified);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"per record: {report * 1e6 / Math.Max(1, records):F0} ns on the report path ({sink.Count / Math.Max(1, passes)} records seen per pass by the sink)"));

// The report path again on each line shape alone: which shapes the time goes to, and what one record of each costs.
Console.WriteLine();
Console.WriteLine("report path by line shape (each shape's lines alone, best of the passes):");
var shapes = LineShapes.Split(bytes.AsSpan(0, length));
var timed = new List<(string Shape, long Lines, long Records, double Ms)>();
foreach (var shape in LineShapes.All)
{
    var group = shapes[shape];
    var shapeRecords = 0L;
    var shapeLines = 0L;
    var best = double.MaxValue;
    for (var i = 0; i < passes && group.Length > 0; i++)
    {
        var watch = Stopwatch.StartNew();
        var analyzer = new LogAnalyzer(2026);
        new LineReader(new MemoryStream(group, writable: false)).ReadAll(analyzer.AddLine);
        analyzer.Complete();
        best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        shapeRecords = analyzer.RecordCount;
        shapeLines = analyzer.LinesRead;
    }

    timed.Add((shape, shapeLines, shapeRecords, group.Length > 0 ? best : 0));
}

var sum = timed.Sum(t => t.Ms);
foreach (var (shape, shapeLines, shapeRecords, ms) in timed)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{shape,-44} {shapeLines,8} lines {shapeRecords,8} records {ms,7:F0} ms ({ms * 100 / Math.Max(sum, 1e-9),3:F0} %) {ms * 1e6 / Math.Max(1, shapeRecords),7:F0} ns per record"));
}

return 0;

void Row(string stage, double total, double share) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{stage,-44} {total,8:F0} ms total {length / 1e6 / (total / 1000),7:F0} MB/s   stage {share,7:F0} ms ({share * 100 / report,3:F0} % of the report path)"));

/// <summary>Counts what the analyzer hands on, so that the records stage is not optimised away.</summary>
internal sealed class CountingSink : IRecordSink
{
    public long Count { get; private set; }

    public void OnRecord(in RecordView record) => Count++;
}
