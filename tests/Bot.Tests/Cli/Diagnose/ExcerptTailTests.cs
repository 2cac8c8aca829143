using Nginx502Bot.Bot.Cli.Diagnose;

namespace Nginx502Bot.Bot.Tests.Cli.Diagnose;

public class ExcerptTailTests
{
    [Fact]
    public void ShortInput_IsKeptWhole_OneLineEach()
    {
        var tail = new ExcerptTail(100);
        tail.Add("first");
        tail.Add("");
        tail.Add("third");

        Assert.Equal("first\n\nthird\n", tail.ToString());
    }

    [Fact]
    public void LongInput_KeepsTheNewestCharacters_AsTheWholeTextWould()
    {
        // What it keeps is exactly the end of the whole text, whatever the line lengths.
        var random = new Random(502);
        foreach (var limit in new[] { 1, 7, 64, 1000 })
        {
            var tail = new ExcerptTail(limit);
            var whole = new System.Text.StringBuilder();
            for (var i = 0; i < 500; i++)
            {
                var line = new string((char)('a' + (i % 26)), random.Next(0, 150));
                tail.Add(line);
                whole.Append(line).Append('\n');
                var expected = whole.Length <= limit ? whole.ToString() : whole.ToString(whole.Length - limit, limit);
                Assert.Equal(expected, tail.ToString());
            }
        }
    }
}
