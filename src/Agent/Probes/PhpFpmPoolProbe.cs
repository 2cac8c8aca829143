using Nginx502Bot.Agent.Probes.Parsing;
using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Agent.Probes;

/// <summary>
/// PHP-FPM pools from /etc/php/*/fpm/pool.d/*.conf and /etc/php-fpm.d/*.conf, and the FPM log paths from
/// php-fpm.conf (<c>error_log</c>, else Debian's /var/log/phpX.Y-fpm.log).
/// </summary>
public sealed class PhpFpmPoolProbe : IProbe
{
    public string Name => ProbeNames.PhpFpmPools;
    public ProbeScope Scope => ProbeScope.Diagnosis;
    public ProbeStage Stage => ProbeStage.Host;

    public Task<ProbeOutcome> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        var files = context.Files;
        var pools = new List<PhpFpmPool>();
        var logs = new List<string>();
        foreach (var versionDir in files.ListDirectories("/etc/php"))
        {
            var version = Path.GetFileName(versionDir);
            pools.AddRange(ReadPools(context, files.ListFiles($"{versionDir}/fpm/pool.d")));
            var global = files.ReadText($"{versionDir}/fpm/php-fpm.conf", 256 * 1024);
            logs.Add(LogPath(global is null ? null : PhpFpmConfigParser.ErrorLog(global), $"/var/log/php{version}-fpm.log"));
        }

        pools.AddRange(ReadPools(context, files.ListFiles("/etc/php-fpm.d")));
        if (files.ReadText("/etc/php-fpm.conf", 256 * 1024) is { } rhel) { logs.Add(LogPath(PhpFpmConfigParser.ErrorLog(rhel), "/var/log/php-fpm/error.log")); }

        var existing = logs.Distinct().Where(files.FileExists).ToArray();
        context.Evidence.Update(b => { b.PhpFpmPools.AddRange(pools.Take(context.Options.MaxItems)); b.PhpFpmLogs.AddRange(existing); });
        return Task.FromResult(ProbeOutcome.Found(pools.Count, "PHP-FPM pools"));
    }

    private static IEnumerable<PhpFpmPool> ReadPools(ProbeContext context, IReadOnlyList<string> files) => files
        .Where(f => f.EndsWith(".conf", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
        .SelectMany(f => context.Files.ReadText(f, 256 * 1024) is { } text ? PhpFpmConfigParser.Parse(f, text) : []);

    // php-fpm resolves a relative error_log against its prefix, /var/log on Debian builds.
    private static string LogPath(string? configured, string fallback) => configured switch
    {
        null or "" or "syslog" => fallback,
        var p when p.StartsWith('/') => p,
        var p => "/var/log/" + p,
    };
}
