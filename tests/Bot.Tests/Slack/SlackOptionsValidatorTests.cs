using Nginx502Bot.Bot.Slack;

namespace Nginx502Bot.Bot.Tests.Slack;

public class SlackOptionsValidatorTests
{
    [Fact]
    public void EmptySection_ReportsEveryMissingSettingAtOnce()
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions { ApiBaseUrl = "not a url" });

        Assert.True(result.Failed);
        Assert.Equal(3, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("BotToken", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("SigningSecret", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("ApiBaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void SocketMode_NeedsAppTokenNotSigningSecret()
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions { BotToken = "xoxb-1", UseSocketMode = true });

        Assert.Equal(["Slack:AppToken is required with Slack:UseSocketMode (xapp-…, scope connections:write)."], result.Failures);
    }

    [Fact]
    public void HttpModeWithTokenAndSecret_IsValidAndConfigured()
    {
        var options = new SlackOptions { BotToken = "xoxb-1", SigningSecret = "s" };

        Assert.True(new SlackOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(options.IsConfigured);
    }
}
