using System.Buffers;
using System.Globalization;
using System.Text;

namespace Nginx502Bot.Bot.Cli.Diagnose;

/// <summary>
/// Whether an input's first bytes look like a text log: a binary file passed by mistake (a core dump, an archive other
/// than gzip, a database file) is read like any input, but the operator is told why it held no record worth a report.
/// A log's own odd bytes (an invalid header's control byte, a Latin-1 URI, ANSI colours) stay far under the bar.
/// </summary>
public static class TextSniff
{
    /// <summary>How much of an input's head is looked at.</summary>
    public const int HeadBytes = 8 * 1024;

    /// <summary>Share of bytes that are control bytes or invalid UTF-8 above which the head is not text.</summary>
    private const double MaxNonText = 0.10;

    /// <summary>Why <paramref name="head"/> does not look like text, or null when it does (or is empty).</summary>
    public static string? NotTextReason(ReadOnlySpan<byte> head)
    {
        var nonText = 0;
        var rest = head;
        while (!rest.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(rest, out var rune, out var used);
            if (status == OperationStatus.NeedMoreData)
            {
                break;
            }

            if (status == OperationStatus.InvalidData || IsControl(rune))
            {
                nonText += used;
            }

            rest = rest[used..];
        }

        if (head.IsEmpty || nonText <= head.Length * MaxNonText)
        {
            return null;
        }

        var share = (int)Math.Round(nonText * 100.0 / head.Length);
        return string.Create(CultureInfo.InvariantCulture,
            $"{share} % of its first {Size(head.Length)} are control bytes or invalid UTF-8");
    }

    /// <summary>Control characters other than the ones logs are written with (tab, line ends, form feed, ANSI's escape).</summary>
    private static bool IsControl(Rune rune) =>
        rune.Value is (< 0x20 and not ('\t' or '\n' or '\r' or '\f' or '\u001b')) or 0x7f;

    private static string Size(int bytes) => bytes >= 1024 && bytes % 1024 == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} KiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
}
