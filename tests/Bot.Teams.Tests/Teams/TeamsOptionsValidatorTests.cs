using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Nginx502Bot.Bot.Teams.Tests.Teams;

/// <summary>A half-configured Teams section fails at start with every problem named, not at the first activity.</summary>
public sealed class TeamsOptionsValidatorTests
{
    [Fact]
    public void AppIdWithoutSecretAndBadUrls_AllReportedAtOnce()
    {
        var result = new TeamsOptionsValidator().Validate(null, new TeamsOptions
        {
            AppId = "app",
            OpenIdMetadataUrl = "not a url",
            TokenEndpoint = "",
            MinSigningKeysRefreshInterval = TimeSpan.Zero,
        });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Teams:AppPassword", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Teams:OpenIdMetadataUrl", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Teams:TokenEndpoint", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Teams:MinSigningKeysRefreshInterval", StringComparison.Ordinal));
    }

    [Fact]
    public void Defaults_WithCredentials_Valid()
    {
        Assert.True(new TeamsOptionsValidator().Validate(null, new TeamsOptions { AppId = "app", AppPassword = "secret" }).Succeeded);
    }

    [Fact]
    public void AddTeams_WithoutAppId_RegistersNothing()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Teams:AppPassword"] = "secret" }).Build();

        services.AddTeams(configuration);

        Assert.Empty(services);
    }

    [Fact]
    public void AddTeams_WithAppIdButNoSecret_FailsWhenOptionsAreRead()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Teams:AppId"] = "app" }).Build();
        services.AddTeams(configuration);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TeamsOptions>>().Value);

        Assert.Contains("Teams:AppPassword", error.Message, StringComparison.Ordinal);
    }
}
