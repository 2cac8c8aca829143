using Nginx502Bot.Agent.Cli;

namespace Nginx502Bot.Agent.Tests.Cli;

public sealed class CliParserTests
{
    private static readonly CliOption[] Options =
    [
        new("--address", "address"),
        new("--port", "port", CliValueKind.WholeNumber),
        new("--from", "start", CliValueKind.DateTime),
        new("--insecure", "h2c", CliValueKind.Flag),
    ];

    [Fact]
    public void ValuesAfterTheNameOrAnEqualsSign_AreBothRead()
    {
        var args = CliParser.Parse(Options, ["--port", "50051", "--address=::1"], out var error);

        Assert.Null(error);
        Assert.Equal(50051, args!.WholeNumber("--port"));
        Assert.Equal("::1", args.Text("--address"));
        Assert.Null(args.Text("--from"));
    }

    [Theory]
    [InlineData(new[] { "--insecure" }, true)]
    [InlineData(new[] { "--insecure=true" }, true)]
    [InlineData(new[] { "--insecure=false" }, false)]
    [InlineData(new string[0], false)]
    public void Flag_IsOnWhenGivenBareOrTrue(string[] tokens, bool expected)
    {
        var args = CliParser.Parse(Options, tokens, out _);

        Assert.Equal(expected, args!.Flag("--insecure"));
    }

    [Fact]
    public void FlagFollowedByAWord_DoesNotSwallowIt()
    {
        Assert.Null(CliParser.Parse(Options, ["--insecure", "yes"], out var error));
        Assert.Equal("unexpected argument 'yes'", error);
    }

    [Theory]
    [InlineData(new[] { "--bogus" }, "unrecognized option '--bogus'")]
    [InlineData(new[] { "--port" }, "--port needs a value")]
    [InlineData(new[] { "--port", "80a" }, "--port: '80a' is not a whole number")]
    [InlineData(new[] { "--from", "yesterday" }, "--from: 'yesterday' is not a date and time")]
    [InlineData(new[] { "--insecure=maybe" }, "--insecure takes no value")]
    public void BadUsage_IsRefusedWithWhatIsWrong(string[] tokens, string expected)
    {
        Assert.Null(CliParser.Parse(Options, tokens, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void DateTime_IsReadTheWayDateTimeTryParseReadsIt()
    {
        var args = CliParser.Parse(Options, ["--from", "2026-03-01T09:00:00Z"], out _);

        Assert.True(DateTime.TryParse("2026-03-01T09:00:00Z", out var expected));
        Assert.Equal(expected, args!.DateTime("--from"));
        Assert.Equal(expected.Kind, args.DateTime("--from")!.Value.Kind);
    }

    [Fact]
    public void RepeatedOption_LastOneWins()
    {
        var args = CliParser.Parse(Options, ["--port", "1", "--port", "2"], out _);

        Assert.Equal(2, args!.WholeNumber("--port"));
    }
}
