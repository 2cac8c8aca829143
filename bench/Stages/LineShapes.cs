using System.Text;

/// <summary>
/// The bench log's lines grouped by the shapes the generator writes, each group in input order: plain records, FastCGI
/// stderr records with their continuation lines, records behind a syslog or a container prefix, PHP-FPM's own lines, and
/// the rest (a line no shape starts stays with the record before it). The grouping is this harness's own, by a line's first bytes, not the engine's reading: it only says which
/// lines to time together (see <c>bench/stages.sh</c>).
/// </summary>
internal static class LineShapes
{
    public const string Plain = "plain nginx records";
    public const string Fastcgi = "FastCGI stderr records (with their lines)";
    public const string Syslog = "records behind a syslog prefix";
    public const string Container = "records behind a container prefix";
    public const string PhpFpm = "PHP-FPM's own lines";
    public const string Other = "other lines";

    public static readonly string[] All = [Plain, Fastcgi, Syslog, Container, PhpFpm, Other];

    private static readonly byte[] FastcgiStderr = Encoding.ASCII.GetBytes("FastCGI sent in stderr: \"");

    /// <summary>The lines of <paramref name="log"/> (whole lines, each ending with LF) by shape.</summary>
    public static Dictionary<string, byte[]> Split(ReadOnlySpan<byte> log)
    {
        var groups = All.ToDictionary(s => s, _ => new MemoryStream());
        string? open = null;
        while (!log.IsEmpty)
        {
            var end = log.IndexOf((byte)'\n');
            var line = end < 0 ? log : log[..(end + 1)];
            log = log[line.Length..];
            var shape = ShapeOf(line);

            // A line no shape starts goes on with the record before it (a FastCGI record's stack trace), as the engine joins it.
            if (shape == Other && open is not null)
            {
                shape = open;
            }
            else
            {
                open = shape;
            }

            groups[shape].Write(line);
        }

        return groups.ToDictionary(g => g.Key, g => g.Value.ToArray());
    }

    private static string ShapeOf(ReadOnlySpan<byte> line)
    {
        if (line.Length > 20 && char.IsAsciiDigit((char)line[0]) && line[4] == '/' && line[7] == '/')
        {
            return line.IndexOf(FastcgiStderr) >= 0 ? Fastcgi : Plain;
        }

        if (line.Length > 1 && line[0] == '<')
        {
            return Syslog;
        }

        if (line.Length > 1 && line[0] == '[' && char.IsAsciiDigit((char)line[1]))
        {
            return PhpFpm;
        }

        var bar = line.IndexOf(" | "u8);
        return bar > 0 && line[..bar].TrimEnd((byte)' ').IndexOfAny(" \t\""u8) < 0 ? Container : Other;
    }
}
