using Nginx502Bot.Diagnostics.Parsing;
using Nginx502Bot.Diagnostics.Tests.Corpus;

namespace Nginx502Bot.Diagnostics.Tests.Parsing;

/// <summary>
/// The parser remembers record heads (message, errno, action) it has parsed, per thread. The memo must never change a
/// parse: every record parsed after many others equals its parse on a thread that has parsed nothing before.
/// </summary>
public sealed class BodyMemoTests
{
    private const string Suffix = ", client: 10.0.0.1, server: s, request: \"GET / HTTP/1.1\", upstream: \"fastcgi://127.0.0.1:9000\", host: \"h\"";
    private const string Head = "2026/11/21 10:00:00 [error] 1#1: *1 FastCGI sent in stderr: \"Primary script unknown\" while reading response header from upstream";

    [Fact]
    public void EveryRecord_ParsesAsOnAFreshThread()
    {
        var texts = Records();
        Assert.True(texts.Count > 3000, $"only {texts.Count} records");
        var fresh = texts.Select(FreshParse).ToList();

        // Twice, in opposite orders, on one thread: most heads are then answered from the memo, filled by other records.
        for (var pass = 0; pass < 2; pass++)
        {
            for (var k = 0; k < texts.Count; k++)
            {
                var i = pass == 0 ? k : texts.Count - 1 - k;
                var parsed = NginxLineParser.TryParse(texts[i], out var line);
                Assert.True(fresh[i].Equals((parsed, Parts(line))), $"parse differs after the memo was filled:\n{texts[i]}");
                AssertHeadIsOwn(texts[i], line);
            }
        }
    }

    [Fact]
    public void KnownHeadFollowedByMessageText_FindsTheRealSuffix()
    {
        // The head is remembered from the first record; in the second, what follows it is a ", client: " of the message
        // (its value holds a quote), so the suffix is the later one.
        var second = Head + ", client: x\" said the app, and more" + Suffix;
        Assert.True(NginxLineParser.TryParse(Head + Suffix, out _));

        Assert.True(NginxLineParser.TryParse(second, out var line));

        Assert.Equal(FreshParse(second), (true, Parts(line)));
        Assert.Equal("10.0.0.1", line.Client.ToString(second));
        Assert.EndsWith("and more", line.Action.IsPresent ? line.Action.ToString(second) : line.Message.ToString(second), StringComparison.Ordinal);
    }

    [Fact]
    public void KnownHeadAtAnotherOffset_GetsItsOwnOffsets()
    {
        var first = Head + Suffix;
        var moved = first.Replace("*1 ", "*123456 ", StringComparison.Ordinal);
        Assert.True(NginxLineParser.TryParse(first, out _));

        Assert.True(NginxLineParser.TryParse(moved, out var line));

        Assert.Equal("FastCGI sent in stderr: \"Primary script unknown\"", line.Message.ToString(moved));
        Assert.Equal("reading response header from upstream", line.Action.ToString(moved));
        Assert.Equal(FreshParse(moved), (true, Parts(line)));
        Assert.NotNull(line.Head);
    }

    [Fact]
    public void RecordsWithTheSameHead_ShareIt()
    {
        var first = Head + Suffix;
        var other = first.Replace("*1 ", "*77 ", StringComparison.Ordinal).Replace("10.0.0.1", "192.168.1.20", StringComparison.Ordinal);
        Assert.True(NginxLineParser.TryParse(first, out var a));

        Assert.True(NginxLineParser.TryParse(other, out var b));

        Assert.NotNull(a.Head);
        Assert.Same(a.Head, b.Head);
        Assert.Equal("FastCGI sent in stderr: \"Primary script unknown\" while reading response header from upstream", a.Head.Text);
    }

    /// <summary>A shared head is this record's own: its text starts the body and the client suffix follows it.</summary>
    private static void AssertHeadIsOwn(string text, NginxLine line)
    {
        if (line.Head is null)
        {
            return;
        }

        var body = text.AsSpan(line.Message.Start);
        Assert.True(body.StartsWith(line.Head.Text, StringComparison.Ordinal), $"head {line.Head.Text} is not this record's:\n{text}");
        var after = body[line.Head.Text.Length..];
        Assert.True(after.StartsWith(", client: ", StringComparison.Ordinal) || after.StartsWith(", udp client: ", StringComparison.Ordinal), text);
    }

    /// <summary>The parsed parts; which shared head the record points to depends on what was parsed before it.</summary>
    private static NginxLine Parts(NginxLine line) => line with { Head = null };

    private static (bool Parsed, NginxLine Line) FreshParse(string text)
    {
        (bool, NginxLine) result = default;
        var thread = new Thread(() => result = (NginxLineParser.TryParse(text, out var line), Parts(line)));
        thread.Start();
        thread.Join();
        return result;
    }

    /// <summary>Corpus records and the same records with every other record's head (a head met in many suffixes).</summary>
    private static List<string> Records()
    {
        var scratch = new char[70_000];
        var records = new List<(string Text, NginxLine Line)>();
        foreach (var entry in PublicCorpus.Entries)
        {
            var inner = new string(LineUnwrapper.Unwrap(entry.Text, scratch, 2026, out _));
            if (NginxLineParser.TryParse(inner, out var line))
            {
                records.Add((inner, line));
            }
        }

        var texts = records.Select(r => r.Text).ToList();
        var random = new Random(502);
        for (var i = 0; i < 10_000; i++)
        {
            var (headText, head) = records[random.Next(records.Count)];
            var (tailText, tail) = records[random.Next(records.Count)];
            // A record cut right after "client: " has an empty client at its very end: no key comma to splice at.
            if (head.Client.IsPresent && tail.Client.IsPresent && head.Client.Start < headText.Length && tail.Client.Start < tailText.Length)
            {
                // Client starts after ", client: " (or ", udp client: "): cut both before their key's comma.
                var headEnd = headText.LastIndexOf(',', head.Client.Start);
                var tailStart = tailText.LastIndexOf(',', tail.Client.Start);
                texts.Add(string.Concat(headText.AsSpan(0, headEnd), tailText.AsSpan(tailStart)));
            }
        }

        return texts;
    }
}
