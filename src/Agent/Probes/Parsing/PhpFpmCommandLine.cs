namespace Nginx502Bot.Agent.Probes.Parsing;

/// <summary>
/// The configuration file of a running php-fpm master, from its /proc command line (NULs as spaces). A master
/// rewrites its title to <c>php-fpm: master process (/etc/php/8.2/fpm/php-fpm.conf)</c>; one that did not still shows
/// <c>-y PATH</c>, <c>-yPATH</c>, <c>--fpm-config PATH</c> or <c>--fpm-config=PATH</c>.
/// </summary>
public static class PhpFpmCommandLine
{
    private const string Title = "php-fpm: master process (";

    /// <summary>The absolute config path, or null (a worker, another program, or a relative path whose base is unknown).</summary>
    public static string? ConfigPath(string commandLine)
    {
        if (commandLine.StartsWith(Title, StringComparison.Ordinal))
        {
            var end = commandLine.LastIndexOf(')');
            return Absolute(end > Title.Length ? commandLine[Title.Length..end] : null);
        }

        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (args.Length == 0 || !Path.GetFileName(args[0]).StartsWith("php-fpm", StringComparison.Ordinal)) { return null; }
        for (var i = 1; i < args.Length; i++)
        {
            var a = args[i];
            if (a is "-y" or "--fpm-config") { return Absolute(i + 1 < args.Length ? args[i + 1] : null); }
            if (a.StartsWith("--fpm-config=", StringComparison.Ordinal)) { return Absolute(a["--fpm-config=".Length..]); }
            if (a.StartsWith("-y", StringComparison.Ordinal) && a.Length > 2) { return Absolute(a[2..]); }
        }

        return null;
    }

    private static string? Absolute(string? path) => path is { Length: > 1 } && path.StartsWith('/') ? path : null;
}
