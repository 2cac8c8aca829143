namespace Nginx502Bot.Lab.Backends;

/// <summary>The lab's scripts, copied next to the assembly (<c>Backends/scripts/</c>, as in the source tree).</summary>
public static class LabScripts
{
    public const string Python = "/usr/bin/python3";

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Backends", "scripts");

    public static string File(string name)
    {
        var path = Path.Combine(Directory, name);
        return System.IO.File.Exists(path) ? path : throw new FileNotFoundException("lab script missing from the output", path);
    }
}
