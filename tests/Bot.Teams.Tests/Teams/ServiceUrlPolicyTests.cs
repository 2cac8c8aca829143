using Microsoft.Extensions.Options;

namespace Nginx502Bot.Bot.Teams.Tests.Teams;

/// <summary>Which service URLs get our token: the Teams defaults and nothing an activity merely names.</summary>
public sealed class ServiceUrlPolicyTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", true)]
    [InlineData("https://SMBA.trafficmanager.net/amer/", true)]
    [InlineData("https://europe.webchat.botframework.com/", true)]
    [InlineData("https://botframework.com.evil.example/", false)]
    [InlineData("https://evilbotframework.com/", false)]
    [InlineData("http://smba.trafficmanager.net/emea/", false)]
    [InlineData("https://user:pw@smba.trafficmanager.net/emea/", false)]
    [InlineData("not a url", false)]
    public void DefaultAllowlist_OnlyTeamsHostsOverHttps(string serviceUrl, bool allowed)
    {
        var policy = new ServiceUrlPolicy(Options.Create(new TeamsOptions { AppId = "x" }));

        Assert.Equal(allowed, policy.IsAllowed(serviceUrl));
    }
}
