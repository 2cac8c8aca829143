using Nginx502Bot.Diagnostics.Analysis;

namespace Nginx502Bot.Diagnostics.Tests.Streaming;

/// <summary>ASCII lines take a fast path; others must still decode as UTF-8 with invalid bytes replaced.</summary>
public class LineReaderTests
{
    [Fact]
    public void MixedLines_DecodeAsUtf8_WithInvalidBytesReplaced()
    {
        byte[] input = [.. "plain ascii\r\n"u8, .. "caf\u00e9 "u8, 0xFF, (byte)'x', (byte)'\n', .. "\u65e5\u672c"u8, 0xE6, (byte)'\n', .. "last"u8];
        var lines = new List<string>();
        new LineReader(new MemoryStream(input)).ReadAll(line => lines.Add(new string(line)));

        Assert.Equal(["plain ascii", "caf\u00e9 \uFFFDx", "\u65e5\u672c\uFFFD", "last"], lines);
    }
}
