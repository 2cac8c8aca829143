namespace Nginx502Bot.EndToEnd.Tests.Support;

/// <summary>One lab (one nginx, one set of backends) for every test class in the collection; runs are serial.</summary>
[CollectionDefinition(Name)]
public sealed class RealNginxLab : ICollectionFixture<LabAgentFixture>
{
    public const string Name = "real nginx lab with agent";
}
