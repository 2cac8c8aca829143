using System.Reflection;

namespace Nginx502Bot.Incidents.Migrations;

/// <summary>The migrations embedded from the repository's <c>migrations/</c> folder, in version order.</summary>
public static class MigrationScripts
{
    private const string Prefix = "migrations/";

    public static IReadOnlyList<Migration> Embedded { get; } = Load(typeof(MigrationScripts).Assembly);

    private static List<Migration> Load(Assembly assembly)
    {
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var name = resource[Prefix.Length..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(ParseVersion(name), name, reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? migrations
            : throw new InvalidOperationException($"two migrations share version {duplicate.Key}");
    }

    private static int ParseVersion(string fileName)
    {
        var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
        return underscore > 0 && int.TryParse(fileName.AsSpan(0, underscore), out var version)
            ? version
            : throw new InvalidOperationException($"migration '{fileName}' does not start with NNNN_");
    }
}
