namespace Nginx502Bot.Incidents.Migrations;

/// <summary>One numbered SQL file from <c>migrations/</c>: <c>0001_incidents.sql</c> is version 1.</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>SHA-256 of the file (computed on read, so a copy made with <c>with</c> gets its own); the runner refuses to start when an applied file was edited afterwards.</summary>
    public string Checksum => Convert.ToHexStringLower(
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Sql)));
}
