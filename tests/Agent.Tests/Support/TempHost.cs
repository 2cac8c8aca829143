namespace Nginx502Bot.Agent.Tests.Support;

/// <summary>A throw-away host tree (etc, run, var/log) written by a test; deleted on dispose.</summary>
public sealed class TempHost : IDisposable
{
    public TempHost() => Root = Directory.CreateTempSubdirectory("agent-host-").FullName;

    public string Root { get; }

    public string Write(string hostPath, string text)
    {
        var local = Root + hostPath;
        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        File.WriteAllText(local, text);
        return local;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
