namespace Nginx502Bot.Bot.Tests.Infrastructure;

/// <summary>The repository the tests were built from, found from their output folder (for its scripts and samples).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Script(string name) => Path.Combine(Root, "scripts", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nginx502Bot.sln")) && Directory.Exists(Path.Combine(dir.FullName, "scripts")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (Nginx502Bot.sln + scripts/) not found above " + AppContext.BaseDirectory);
    }
}
