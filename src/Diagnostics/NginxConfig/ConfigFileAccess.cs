namespace Nginx502Bot.Diagnostics.NginxConfig;

/// <summary>
/// How the parser reaches files, injected so the library stays free of I/O: <see cref="ReadFile"/> returns the text or
/// null when the file cannot be read; <see cref="ListFiles"/> returns the full paths of the files in a directory
/// (empty when it does not exist). Paths are host paths; the agent maps them onto its configured roots.
/// </summary>
public sealed record ConfigFileAccess(Func<string, string?> ReadFile, Func<string, IReadOnlyList<string>> ListFiles);
