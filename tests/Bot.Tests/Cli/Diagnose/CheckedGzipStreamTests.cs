using System.IO.Compression;
using System.Text;
using Nginx502Bot.Bot.Cli.Diagnose;

namespace Nginx502Bot.Bot.Tests.Cli.Diagnose;

public class CheckedGzipStreamTests
{
    private static readonly byte[] Text = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(1, 400).Select(i =>
        $"2026/11/21 10:00:{i % 60:00} [error] 7#7: *{i} connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.{i % 250}.1, server: s, request: \"GET /p{i} HTTP/1.1\", upstream: \"http://127.0.0.1:8080/p{i}\", host: \"h\"\n")));

    [Fact]
    public void WholeFile_ReadsAllAndIsNotCutShort()
    {
        var (read, cut) = ReadAll(Gzip(Text));

        Assert.Equal(Text, read);
        Assert.False(cut);
    }

    [Fact]
    public void MembersJoined_ReadsAllAndIsNotFlagged()
    {
        // cat a.gz b.gz: the trailer is the last member's, shorter than all that came out; left unflagged rather than guessed.
        var (read, cut) = ReadAll([.. Gzip(Text), .. Gzip(Text[..1000])]);

        Assert.Equal([.. Text, .. Text[..1000]], read);
        Assert.False(cut);
    }

    [Fact]
    public void EveryCutBeforeTheEnd_IsCutShort_AndKeepsWhatCameBefore()
    {
        var whole = Gzip(Text);
        for (var length = 0; length < whole.Length; length++)
        {
            byte[] read;
            bool cut;
            try
            {
                (read, cut) = ReadAll(whole[..length]);
            }
            catch (InvalidDataException)
            {
                continue; // a cut inside the header: said as damaged gzip by the caller
            }

            Assert.True(cut, $"cut at {length} of {whole.Length} bytes not noticed");
            Assert.Equal(Text[..read.Length], read);
        }
    }

    [Fact]
    public void EmptyTextCompressedByGzip_IsNotCutShort()
    {
        // printf '' | gzip -n: the smallest member there is (.NET's compressor writes nothing at all for no input).
        var (read, cut) = ReadAll(Convert.FromHexString("1f8b080000000000000303000000000000000000"));

        Assert.Empty(read);
        Assert.False(cut);
    }

    private static (byte[] Read, bool CutShort) ReadAll(byte[] compressed)
    {
        using var stream = new CheckedGzipStream(new MemoryStream(compressed));
        using var output = new MemoryStream();
        var buffer = new byte[4096];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            output.Write(buffer, 0, n);
        }

        return (output.ToArray(), stream.CutShort);
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return memory.ToArray();
    }
}
