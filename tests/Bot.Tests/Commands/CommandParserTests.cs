using Nginx502Bot.Bot.Commands;
using Nginx502Bot.Bot.Tests.Infrastructure;

namespace Nginx502Bot.Bot.Tests.Commands;

public class CommandParserTests
{
    [Theory]
    [InlineData("", CommandKind.Help)]
    [InlineData("help", CommandKind.Help)]
    [InlineData("agents", CommandKind.Agents)]
    [InlineData("incidents", CommandKind.Incidents)]
    [InlineData("optout", CommandKind.OptOut)]
    [InlineData("optin", CommandKind.OptIn)]
    [InlineData("resolve", CommandKind.Resolve)]
    public void Keywords_SelectCommand(string text, CommandKind kind) => Assert.Equal(kind, CommandParser.Parse(text).Kind);

    [Fact]
    public void BareTarget_IsDiagnoseOfThatTarget()
    {
        var command = CommandParser.Parse("https://shop.example.com/cart");

        Assert.Equal(CommandKind.Diagnose, command.Kind);
        Assert.Equal("https://shop.example.com/cart", command.Argument);
    }

    [Fact]
    public void DiagnoseOnHosts_CarriesExplicitHostList()
    {
        var command = CommandParser.Parse("diagnose shop.example.com on web1, web2");

        Assert.Equal("shop.example.com", command.Argument);
        Assert.Equal(["web1", "web2"], command.ExplicitHosts);
    }

    [Fact]
    public void OneNginxLine_IsPaste() => Assert.Equal(CommandKind.Paste, CommandParser.Parse(NginxLines.Refused).Kind);

    [Fact]
    public void SeveralLines_IsPaste() => Assert.Equal(CommandKind.Paste, CommandParser.Parse("some context\nmore context").Kind);

    [Fact]
    public void Note_KeepsIdAndText()
    {
        var command = CommandParser.Parse("note 42 restarted php-fpm, errors stopped");

        Assert.Equal((CommandKind.Note, "42", "restarted php-fpm, errors stopped"), (command.Kind, command.Argument, command.Rest));
    }

    [Theory]
    [InlineData("is the deploy done?")]
    [InlineData("upstream of the river looks fine")]
    [InlineData("we got a 502 on the shop again")]
    public void Chatter_DoesNotLookLikeLogs(string text) => Assert.False(PasteDetector.LooksLikeLogLine(text));

    [Theory]
    [InlineData(NginxLines.Refused)]
    [InlineData(NginxLines.SocketMissing)]
    [InlineData("[21-Nov-2026 13:58:03] WARNING: [pool www] server reached pm.max_children setting (5), consider raising it")]
    [InlineData("[2026-11-21 13:58:04 +0000] [77] [CRITICAL] WORKER TIMEOUT (pid:81)")]
    public void LogLines_LookLikeLogs(string text) => Assert.True(PasteDetector.LooksLikeLogLine(text));
}
