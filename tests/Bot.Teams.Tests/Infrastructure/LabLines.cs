namespace Nginx502Bot.Bot.Teams.Tests.Infrastructure;

/// <summary>nginx error-log lines captured from the real-nginx lab (copied from tests/Lab/captured).</summary>
public static class LabLines
{
    public static string Read(string scenario) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", scenario + ".log")).TrimEnd('\n');
}
