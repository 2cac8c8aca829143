using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Bot.LocalConsole;

namespace Nginx502Bot.Bot.Tests.Console;

/// <summary>The console turns http(s) URLs in answers (the signed incident links) into links, and nothing else.</summary>
public sealed class HtmlReplyRendererLinkTests
{
    [Fact]
    public void SignedLink_BecomesAnchorWithEncodedQuery()
    {
        var html = HtmlReplyRenderer.Render(ChatReply.Plain("Full timeline: http://127.0.0.1:8502/incidents/3?exp=1795877278&sig=cea9."), "m1");

        Assert.Contains("<a href=\"http://127.0.0.1:8502/incidents/3?exp=1795877278&amp;sig=cea9\">", html, StringComparison.Ordinal);
        Assert.EndsWith("sig=cea9</a>.</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void QuotedUrlInPastedText_LinkStopsAtTheQuote_ScriptSchemesStayText()
    {
        var html = HtmlReplyRenderer.Render(ChatReply.Plain("upstream: \"http://127.0.0.1:8000/cart\" javascript:alert(1)"), "m1");

        Assert.Contains("<a href=\"http://127.0.0.1:8000/cart\">http://127.0.0.1:8000/cart</a>&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.Ordinal);
    }
}
