using Nginx502Bot.Lab.Run;

namespace Nginx502Bot.Lab.Tests;

/// <summary>The golden corpus in tests/Lab/captured: every line a scenario's run wrote, error log then companion log.</summary>
public static class CapturedCorpus
{
    public static string Directory => Path.Combine(SourceRoot(), "tests", "Lab", "captured");

    public static void Write(IEnumerable<LabResult> results)
    {
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var result in results)
        {
            var text = result.AllLines.Any() ? result.Text + "\n" : "";
            File.WriteAllText(Path.Combine(Directory, result.Scenario.Name + ".log"), text);
        }
    }

    public static string Read(string scenario) => File.ReadAllText(Path.Combine(Directory, scenario + ".log"));

    private static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "tests", "Lab", "Nginx502Bot.Lab.csproj")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }
}
