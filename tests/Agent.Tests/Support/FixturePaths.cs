using System.Runtime.CompilerServices;

namespace Nginx502Bot.Agent.Tests.Support;

/// <summary>Locates the committed fixture trees next to the test sources (they are not copied to bin: symlinks matter).</summary>
public static class FixturePaths
{
    public static string Host => Path.Combine(Root(), "Fixtures", "host");

    /// <summary>A script of the Python peers in tests/Agent.Tests/python.</summary>
    public static string Python(string script) => Path.Combine(Root(), "python", script);

    /// <summary>The repository's root (scripts/, src/, artifacts/).</summary>
    public static string Repository => Path.GetFullPath(Path.Combine(Root(), "..", ".."));

    private static string Root([CallerFilePath] string file = "") => Path.GetDirectoryName(Path.GetDirectoryName(file)!)!;
}
