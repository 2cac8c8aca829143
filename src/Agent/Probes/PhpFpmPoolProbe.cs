using Nginx502Bot.Agent.Probes.Parsing;
using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Agent.Probes;

/// <summary>
/// PHP-FPM pools from /etc/php/*/fpm/pool.d/*.conf and /etc/php-fpm.d/*.conf, and (with
/// <see cref="Options.AgentOptions.PhpFpmFromProcesses"/>) from the configuration of every running php-fpm master (its <c>-y</c>/<c>--fpm-config</c> file, with the pools it holds and the <c>include=</c> globs
/// it names), so pools configured outside /etc/php are found too. FPM log paths from each php-fpm.conf
/// (<c>error_log</c>, else Debian's /var/log/phpX.Y-fpm.log). The config path comes from /proc, never from a request.
/// </summary>
public sealed class PhpFpmPoolProbe : IProbe
{
    /// <summary>Most running masters whose configuration is read.</summary>
    public const int MaxMasters = 8;

    public string Name => ProbeNames.PhpFpmPools;
    public ProbeScope Scope => ProbeScope.Diagnosis;
    public ProbeStage Stage => ProbeStage.Host;

    public Task<ProbeOutcome> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        var files = context.Files;
        var pools = new List<PhpFpmPool>();
        var logs = new List<string>();
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var versionDir in files.ListDirectories("/etc/php"))
        {
            var version = Path.GetFileName(versionDir);
            pools.AddRange(ReadPools(context, files.ListFiles($"{versionDir}/fpm/pool.d"), read));
            read.Add($"{versionDir}/fpm/php-fpm.conf");
            var global = files.ReadText($"{versionDir}/fpm/php-fpm.conf", 256 * 1024);
            logs.Add(LogPath(global is null ? null : PhpFpmConfigParser.ErrorLog(global), $"/var/log/php{version}-fpm.log"));
        }

        pools.AddRange(ReadPools(context, files.ListFiles("/etc/php-fpm.d"), read));
        read.Add("/etc/php-fpm.conf");
        if (files.ReadText("/etc/php-fpm.conf", 256 * 1024) is { } rhel) { logs.Add(LogPath(PhpFpmConfigParser.ErrorLog(rhel), "/var/log/php-fpm/error.log")); }
        if (context.Options.PhpFpmFromProcesses) { ReadRunningMasters(context, pools, logs, read); }

        var existing = logs.Distinct().Where(files.FileExists).ToArray();
        context.Evidence.Update(b => { b.PhpFpmPools.AddRange(pools.Take(context.Options.MaxItems)); b.PhpFpmLogs.AddRange(existing); });
        return Task.FromResult(ProbeOutcome.Found(pools.Count, "PHP-FPM pools"));
    }

    /// <summary>Configurations of running masters not already read from the standard places.</summary>
    private static void ReadRunningMasters(ProbeContext context, List<PhpFpmPool> pools, List<string> logs, HashSet<string> read)
    {
        var configs = context.Evidence.Read(b => b.Processes.Select(p => PhpFpmCommandLine.ConfigPath(p.CommandLine)).OfType<string>().Distinct().ToArray());
        foreach (var config in configs.Where(c => !read.Contains(c)).Take(MaxMasters))
        {
            read.Add(config);
            if (context.Files.ReadText(config, 256 * 1024) is not { } text) { continue; }
            pools.AddRange(PhpFpmConfigParser.Parse(config, text));
            foreach (var pattern in PhpFpmConfigParser.Includes(text))
            {
                pools.AddRange(ReadPools(context, Matching(context, pattern), read));
            }

            if (LogPathOf(PhpFpmConfigParser.ErrorLog(text)) is { } log) { logs.Add(log); }
        }
    }

    /// <summary>Files an absolute <c>include=</c> names: a path, or a directory with a <c>*</c> pattern in the file name.</summary>
    private static string[] Matching(ProbeContext context, string pattern)
    {
        var dir = Path.GetDirectoryName(pattern);
        var name = Path.GetFileName(pattern);
        if (dir is null || !pattern.StartsWith('/')) { return []; }
        if (!name.Contains('*')) { return [pattern]; }
        var star = name.IndexOf('*');
        var (head, tail) = (name[..star], name[(star + 1)..]);
        return context.Files.ListFiles(dir).Where(f => Path.GetFileName(f) is var n && n.StartsWith(head, StringComparison.Ordinal)
            && n.EndsWith(tail, StringComparison.Ordinal) && n.Length >= head.Length + tail.Length).ToArray();
    }

    // Only an absolute error_log of a master found in /proc: its prefix (-p) is not visible once it renamed itself.
    private static string? LogPathOf(string? configured) => configured is { } p && p.StartsWith('/') ? p : null;

    private static List<PhpFpmPool> ReadPools(ProbeContext context, IReadOnlyList<string> files, HashSet<string> read) => files
        .Where(f => f.EndsWith(".conf", StringComparison.Ordinal) && read.Add(f)).Order(StringComparer.Ordinal)
        .SelectMany(f => context.Files.ReadText(f, 256 * 1024) is { } text ? PhpFpmConfigParser.Parse(f, text) : []).ToList();

    // php-fpm resolves a relative error_log against its prefix, /var/log on Debian builds.
    private static string LogPath(string? configured, string fallback) => configured switch
    {
        null or "" or "syslog" => fallback,
        var p when p.StartsWith('/') => p,
        var p => "/var/log/" + p,
    };
}
