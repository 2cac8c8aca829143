namespace Nginx502Bot.Bot.Teams.Tests.Teams;

/// <summary>Teams message text to the command text the shared parser expects.</summary>
public sealed class TeamsTextTests
{
    [Theory]
    [InlineData("<at>Nginx502Bot</at> 502 agents", "agents")]
    [InlineData("<at>Nginx502Bot</at> /502 help", "help")]
    [InlineData("<at>Nginx 502 Bot</at>   502   shop.example.com on web1,web2", "shop.example.com on web1,web2")]
    [InlineData("502 incidents", "incidents")]
    [InlineData("<at>Nginx502Bot</at> incidents", "incidents")]
    public void Mention_StrippedWithOptional502(string text, string expected)
    {
        Assert.Equal(expected, TeamsText.CommandText(text));
    }

    [Fact]
    public void PastedHtmlParagraphs_BecomeLines_EntitiesDecoded()
    {
        var text = "<at>Bot</at> 502 <p>2026/11/21 14:15:44 [error] 1#1: *2 connect() failed, upstream: &quot;http://127.0.0.1:80/&quot;</p><p>second &lt;line&gt;</p>";

        Assert.Equal("2026/11/21 14:15:44 [error] 1#1: *2 connect() failed, upstream: \"http://127.0.0.1:80/\"\nsecond <line>", TeamsText.CommandText(text));
    }

    [Fact]
    public void AutoLinksAndNonBreakingSpaces_BecomePlainText()
    {
        var text = "upstream:&nbsp;\"<a href=\"http://127.0.0.1:8000/cart\">http://127.0.0.1:8000/cart</a>\"";

        Assert.Equal("upstream: \"http://127.0.0.1:8000/cart\"", TeamsText.Normalize(text));
    }

    [Fact]
    public void AngleBracketsInsideLogText_Survive()
    {
        Assert.Equal("request: \"GET /<script> HTTP/1.1\"", TeamsText.Normalize("request: \"GET /<script> HTTP/1.1\""));
    }
}
