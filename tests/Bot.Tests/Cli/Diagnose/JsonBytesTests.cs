using System.Buffers;
using System.Text;
using System.Text.Json;
using Nginx502Bot.Bot.Cli.Diagnose;

namespace Nginx502Bot.Bot.Tests.Cli.Diagnose;

/// <summary><c>diagnose --json</c> formats record values itself: the bytes must be those <see cref="Utf8JsonWriter"/> writes.</summary>
public class JsonBytesTests
{
    private static string Reference(string value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Formatted(string value)
    {
        using var bytes = new JsonBytes(4);
        bytes.Quoted(value);
        return Encoding.UTF8.GetString(bytes.Written);
    }

    [Fact]
    public void EveryUtf16CodeUnit_IsWrittenAsUtf8JsonWriterWritesIt()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var value = $"a{(char)c}b";
            Assert.Equal(Reference(value), Formatted(value));
        }
    }

    [Theory]
    [InlineData("GET /search?q=shoes HTTP/1.1")]
    [InlineData("upstream sent invalid header: \"X-Bad\\x01...\" while reading")]
    [InlineData("<script>alert('x')</script> & a+b `c`")]
    [InlineData("caf\u00e9 \u2028 \ud83d\ude00 \ud800 lone")]
    [InlineData("tab\there\r\nnew line \u007f del")]
    [InlineData("")]
    public void LogText_IsWrittenAsUtf8JsonWriterWritesIt(string value) => Assert.Equal(Reference(value), Formatted(value));

    [Fact]
    public void NumbersAndRawBytes_AppendInOrder_AndTheBufferGrows()
    {
        using var bytes = new JsonBytes(2);
        bytes.Raw("{\"n\":"u8);
        bytes.Number(-1234567890123);
        bytes.Punctuation((byte)',');
        bytes.Number(0);
        bytes.Punctuation((byte)'}');
        Assert.Equal("{\"n\":-1234567890123,0}", Encoding.UTF8.GetString(bytes.Written));
        bytes.Clear();
        Assert.Equal(0, bytes.Length);
    }
}
