using Nginx502Bot.Diagnostics.Parsing;

namespace Nginx502Bot.Diagnostics.Tests.Parsing;

public class TimeParsingTests
{
    private static readonly string[] Abbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    [Fact]
    public void Month_ReadsEveryAbbreviationInAnyCase()
    {
        for (var i = 0; i < Abbreviations.Length; i++)
        {
            Assert.Equal(i + 1, TimeParsing.Month(Abbreviations[i] + " 21 13:41:14"));
            Assert.Equal(i + 1, TimeParsing.Month(Abbreviations[i].ToUpperInvariant()));
            Assert.Equal(i + 1, TimeParsing.Month(Abbreviations[i].ToLowerInvariant() + "ember"));
        }
    }

    /// <summary>
    /// The same answers as comparing the twelve abbreviations case-insensitively, ASCII or not: syslog heads, PHP-FPM's
    /// stamps, lines that are no date, and letters outside ASCII that case folding may take for ASCII ones.
    /// </summary>
    [Theory]
    [InlineData("")]
    [InlineData("No")]
    [InlineData("[21-Nov-2026 00:00:00] WARNING")]
    [InlineData("Stack trace:")]
    [InlineData("nOv")]
    [InlineData("Nov")]
    [InlineData("N0v")]
    [InlineData("Noé")]
    [InlineData("\u017Fep 21")]
    [InlineData("\u212Aan")]
    [InlineData("J\u0131n")]
    [InlineData("Déc")]
    public void Month_AgreesWithCaseInsensitiveComparison(string text)
    {
        var expected = Array.FindIndex(Abbreviations, a => text.StartsWith(a, StringComparison.OrdinalIgnoreCase)) + 1;
        Assert.Equal(expected, TimeParsing.Month(text));
    }
}
