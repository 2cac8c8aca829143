namespace Nginx502Bot.Incidents.Tests.Infrastructure;

/// <summary>Finds the repository root (the folder holding migrations/ and scripts/) from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string PostgresScript => Path.Combine(Root, "scripts", "postgres.sh");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "migrations")) && File.Exists(Path.Combine(dir.FullName, "scripts", "postgres.sh")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (migrations/ + scripts/postgres.sh) not found above " + AppContext.BaseDirectory);
    }
}
