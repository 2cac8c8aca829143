using System.Text;
using Microsoft.Extensions.Options;
using Nginx502Bot.Bot.Tests.Infrastructure;
using Nginx502Bot.Bot.Slack;

namespace Nginx502Bot.Bot.Tests.Slack;

public class SlackSignatureVerifierTests
{
    // The worked example in Slack's "Verifying requests from Slack" documentation.
    private const string DocSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string DocTimestamp = "1531420618";
    private const string DocBody = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string DocSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static SlackSignatureVerifier Verifier(DateTimeOffset now) =>
        new(Options.Create(new SlackOptions { SigningSecret = DocSecret }), new FixedTimeProvider(now));

    private static readonly DateTimeOffset DocTime = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    [Fact]
    public void SlackDocumentationExample_ComputesDocumentedSignature()
    {
        Assert.Equal(DocSignature, SlackSignatureVerifier.Compute(DocSecret, DocTimestamp, Encoding.UTF8.GetBytes(DocBody)));
    }

    [Fact]
    public void SlackDocumentationExample_WithinWindow_IsValid()
    {
        var check = Verifier(DocTime.AddMinutes(4)).Verify(DocTimestamp, DocSignature, Encoding.UTF8.GetBytes(DocBody));

        Assert.Equal(SignatureCheck.Valid, check);
    }

    [Fact]
    public void TimestampOlderThanFiveMinutes_IsStale()
    {
        var check = Verifier(DocTime.AddMinutes(5).AddSeconds(1)).Verify(DocTimestamp, DocSignature, Encoding.UTF8.GetBytes(DocBody));

        Assert.Equal(SignatureCheck.Stale, check);
    }

    [Fact]
    public void TimestampFromTheFuture_IsStale()
    {
        var check = Verifier(DocTime.AddMinutes(-6)).Verify(DocTimestamp, DocSignature, Encoding.UTF8.GetBytes(DocBody));

        Assert.Equal(SignatureCheck.Stale, check);
    }

    [Fact]
    public void TamperedBody_IsMismatch()
    {
        var tampered = DocBody.Replace("user_name=roadrunner", "user_name=coyote", StringComparison.Ordinal);

        var check = Verifier(DocTime).Verify(DocTimestamp, DocSignature, Encoding.UTF8.GetBytes(tampered));

        Assert.Equal(SignatureCheck.Mismatch, check);
    }

    [Fact]
    public void TimestampChangedWithOldSignature_IsMismatch()
    {
        var check = Verifier(DocTime).Verify("1531420619", DocSignature, Encoding.UTF8.GetBytes(DocBody));

        Assert.Equal(SignatureCheck.Mismatch, check);
    }

    [Theory]
    [InlineData(null, DocSignature)]
    [InlineData(DocTimestamp, null)]
    [InlineData("", "")]
    public void MissingHeaders_AreMissing(string? timestamp, string? signature)
    {
        Assert.Equal(SignatureCheck.Missing, Verifier(DocTime).Verify(timestamp, signature, Encoding.UTF8.GetBytes(DocBody)));
    }

    [Fact]
    public void NonNumericTimestamp_IsStale()
    {
        Assert.Equal(SignatureCheck.Stale, Verifier(DocTime).Verify("soon", DocSignature, Encoding.UTF8.GetBytes(DocBody)));
    }
}
