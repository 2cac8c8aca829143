namespace Nginx502Bot.Incidents.Tests.Infrastructure;

/// <summary>A fresh database per test class (xunit class fixture), dropped afterwards. Migrations are up to the test.</summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync() => ConnectionString = await PostgresServer.CreateDatabaseAsync("t", PostgresServer.ConnectionString);

    public async Task DisposeAsync() => await PostgresServer.DropDatabaseAsync(ConnectionString);
}
