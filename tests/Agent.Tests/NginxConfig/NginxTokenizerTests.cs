using Nginx502Bot.Diagnostics.NginxConfig;

namespace Nginx502Bot.Agent.Tests.NginxConfig;

public sealed class NginxTokenizerTests
{
    [Fact]
    public void QuotesCommentsAndBraces_AreTokenizedLikeNginx()
    {
        var tokens = NginxTokenizer.Tokenize("""
            server { # a comment { ; }
                add_header X-Msg "a ; b # c";
                proxy_set_header Connection '';
                return 200 "it's \"quoted\"";
            }
            """);

        var words = tokens.Where(t => t.Kind == NginxTokenKind.Word).Select(t => t.Text).ToArray();
        Assert.Equal(["server", "add_header", "X-Msg", "a ; b # c", "proxy_set_header", "Connection", "", "return", "200", "it's \"quoted\""], words);
        Assert.Equal(4, tokens.Count(t => t.Kind == NginxTokenKind.Semicolon) + 1);
        Assert.Equal(5, tokens.Single(t => t.Kind == NginxTokenKind.CloseBrace).Line);
        Assert.Equal(3, tokens.Single(t => t.Text == "Connection").Line);
    }

    [Fact]
    public void VariableWithBraces_StaysOneWord()
    {
        var tokens = NginxTokenizer.Tokenize("set $x ${host}_suffix;");

        Assert.Equal("${host}_suffix", tokens[2].Text);
        Assert.Equal(NginxTokenKind.Semicolon, tokens[3].Kind);
    }
}
