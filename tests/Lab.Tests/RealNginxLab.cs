namespace Nginx502Bot.Lab.Tests;

/// <summary>One lab (one nginx, one set of backends) for every test class in the collection.</summary>
[CollectionDefinition(Name)]
public sealed class RealNginxLab : ICollectionFixture<LabFixture>
{
    public const string Name = "real nginx lab";
}
