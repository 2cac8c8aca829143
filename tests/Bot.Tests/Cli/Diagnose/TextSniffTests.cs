using System.Text;
using Nginx502Bot.Bot.Cli.Diagnose;

namespace Nginx502Bot.Bot.Tests.Cli.Diagnose;

/// <summary>
/// An input's head is called "not text" only when a tenth or more of it is control bytes or invalid UTF-8: the odd bytes
/// real logs carry (an invalid header's control byte, a Latin-1 URI, colours, a cut multi-byte character) never are.
/// </summary>
public sealed class TextSniffTests
{
    private const string Record =
        "2026/11/21 10:00:00 [error] 1#1: *1 upstream sent invalid header: \"X-Bad\\x01...\" while reading response header from upstream, client: 10.0.0.1, server: s, request: \"GET /caf\u00e9 HTTP/1.1\", upstream: \"http://127.0.0.1:8080/\", host: \"h\"\n";

    [Fact]
    public void ErrorLogWithItsOddBytes_IsText()
    {
        var log = new List<byte>();
        for (var i = 0; log.Count < TextSniff.HeadBytes; i++)
        {
            log.AddRange(Encoding.UTF8.GetBytes(Record));
            log.AddRange([0x01, 0xe9, 0x1b, (byte)'[', (byte)'0', (byte)'m', (byte)'\t', (byte)'\r', (byte)'\n']);
        }

        var head = log.Take(TextSniff.HeadBytes).ToArray();

        Assert.Null(TextSniff.NotTextReason(head));
        Assert.Null(TextSniff.NotTextReason([]));
        Assert.Null(TextSniff.NotTextReason(Encoding.UTF8.GetBytes("d\u00e9j\u00e0 vu \u2014 \ud83d\ude00").AsSpan()[..^1]));
    }

    [Fact]
    public void RandomBytesAndZeros_AreNotText_WithTheShareSaid()
    {
        var random = new byte[TextSniff.HeadBytes];
        new Random(502).NextBytes(random);
        var zeros = new byte[1000];

        Assert.Matches(@"^\d\d % of its first 8 KiB are control bytes or invalid UTF-8$", TextSniff.NotTextReason(random));
        Assert.Equal("100 % of its first 1000 bytes are control bytes or invalid UTF-8", TextSniff.NotTextReason(zeros));
    }

    [Fact]
    public void TheBarIsATenth()
    {
        var text = Enumerable.Repeat((byte)'a', 90).ToArray();

        Assert.Null(TextSniff.NotTextReason([.. text, .. new byte[10]]));
        Assert.NotNull(TextSniff.NotTextReason([.. text[..89], .. new byte[11]]));
    }
}
