namespace Nginx502Bot.Agent.Probes.Parsing;

/// <summary>
/// What an nginx master's command line says. nginx rewrites its title to <c>nginx: master process /usr/sbin/nginx -c
/// /etc/nginx/nginx.conf</c> (one string with spaces), so both NUL- and space-separated forms are read.
/// </summary>
public sealed record NginxCommandLine(bool IsMaster, bool IsWorker, string? Binary, string? ConfigPath, string? Prefix)
{
    public static NginxCommandLine Parse(string cmdline)
    {
        var text = cmdline.Replace('\0', ' ').Trim();
        var isMaster = text.StartsWith("nginx: master process", StringComparison.Ordinal);
        var isWorker = text.StartsWith("nginx: worker process", StringComparison.Ordinal);
        var words = (isMaster ? text["nginx: master process".Length..] : text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) { return new NginxCommandLine(isMaster, isWorker, null, null, null); }
        return new NginxCommandLine(isMaster, isWorker, words[0], Option(words, "-c"), Option(words, "-p"));
    }

    private static string? Option(string[] words, string flag)
    {
        for (var i = 1; i < words.Length; i++)
        {
            if (words[i] == flag && i + 1 < words.Length) { return words[i + 1]; }
            if (words[i].StartsWith(flag, StringComparison.Ordinal) && words[i].Length > flag.Length) { return words[i][flag.Length..]; }
        }

        return null;
    }
}
