using Nginx502Bot.Grpc.Status;

namespace Nginx502Bot.Grpc.Tests.Status;

public class GrpcStatusMessageTests
{
    [Theory]
    [InlineData("plain ascii text", "plain ascii text")]
    [InlineData("100%", "100%25")]
    [InlineData("caf\u00e9", "caf%C3%A9")]
    [InlineData("line\nbreak", "line%0Abreak")]
    [InlineData("\u2603", "%E2%98%83")]
    public void Encode_EscapesPercentAndNonPrintableBytes(string message, string expected)
    {
        Assert.Equal(expected, GrpcStatusMessage.Encode(message));
    }

    [Theory]
    [InlineData("bad input: caf\u00e9 100% \u2603")]
    [InlineData("tabs\tand ~ tildes")]
    [InlineData("")]
    public void EncodeThenDecode_RoundTrips(string message)
    {
        Assert.Equal(message, GrpcStatusMessage.Decode(GrpcStatusMessage.Encode(message)));
    }

    [Theory]
    [InlineData("50%zz done", "50%zz done")]
    [InlineData("trailing %", "trailing %")]
    [InlineData("trailing %4", "trailing %4")]
    [InlineData("lower %c3%a9", "lower \u00e9")]
    public void Decode_BrokenOrLowerCaseEscapes_KeepsTheMessage(string wire, string expected)
    {
        Assert.Equal(expected, GrpcStatusMessage.Decode(wire));
    }

    [Fact]
    public void Decode_InvalidUtf8_UsesReplacementCharacter()
    {
        Assert.Equal("x\uFFFDy", GrpcStatusMessage.Decode("x%C3y"));
    }
}
