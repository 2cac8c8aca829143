using Nginx502Bot.Bot.Slack;

namespace Nginx502Bot.Bot.Tests.Slack;

public class SlackTextTests
{
    [Fact]
    public void AutoLinksAndEscapes_AreUndone()
    {
        var slack = "upstream: \"<http://127.0.0.1:8000/cart>\", host: \"<http://shop.example.com|shop.example.com>\", a &lt;b&gt; &amp; c";

        Assert.Equal("upstream: \"http://127.0.0.1:8000/cart\", host: \"shop.example.com\", a <b> & c", SlackText.Unescape(slack));
    }

    [Theory]
    [InlineData("<@UBOT> agents", "agents")]
    [InlineData("<@UBOT> 502 agents", "agents")]
    [InlineData("<@UBOT|nginx502bot> /502 help", "help")]
    [InlineData("agents", "agents")]
    public void StripMention_LeavesTheCommand(string text, string expected) => Assert.Equal(expected, SlackText.StripMention(text));
}
