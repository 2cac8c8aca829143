using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Agent.Probes.Parsing;

/// <summary>Reads PHP-FPM ini files: <c>[pool]</c> sections with listen, listen.owner/group/mode, pm.max_children, user.</summary>
public static class PhpFpmConfigParser
{
    public static IReadOnlyList<PhpFpmPool> Parse(string file, string text)
    {
        var pools = new List<PhpFpmPool>();
        PhpFpmPool? current = null;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] is ';' or '#') { continue; }
            var at = new SourceLocation(file, i + 1);
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                if (current is not null) { pools.Add(current); }
                var name = line[1..^1].Trim();
                current = name == "global" ? null : new PhpFpmPool { Name = name, Location = at };
                continue;
            }

            if (current is null || line.IndexOf('=') is not (> 0 and var eq)) { continue; }
            current = Apply(current, line[..eq].Trim(), Unquote(line[(eq + 1)..].Trim()), at);
        }

        if (current is not null) { pools.Add(current); }
        return pools;
    }

    private static PhpFpmPool Apply(PhpFpmPool pool, string key, string value, SourceLocation at) => key switch
    {
        "listen" => pool with { Listen = value, ListenLocation = at },
        "listen.owner" => pool with { ListenOwner = value },
        "listen.group" => pool with { ListenGroup = value },
        "listen.mode" => pool with { ListenMode = value, ListenModeLocation = at },
        "pm.max_children" => pool with { MaxChildren = int.TryParse(value, out var n) ? n : null, MaxChildrenLocation = at },
        "user" => pool with { User = value },
        _ => pool,
    };

    private static string Unquote(string value)
    {
        var semicolon = value.IndexOf(" ;", StringComparison.Ordinal);
        if (semicolon >= 0) { value = value[..semicolon].Trim(); }
        return value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
    }

    /// <summary>The <c>include=</c> values of a php-fpm.conf (globs such as <c>/etc/php/8.2/fpm/pool.d/*.conf</c>).</summary>
    public static IEnumerable<string> Includes(string text) => text.Split('\n')
        .Select(l => l.Trim())
        .Where(l => l.StartsWith("include", StringComparison.Ordinal) && l.IndexOf('=') is var eq && eq > 0 && l[..eq].Trim() == "include")
        .Select(l => Unquote(l[(l.IndexOf('=') + 1)..].Trim()))
        .Where(v => v.Length > 0);

    /// <summary>The <c>error_log</c> of a php-fpm.conf [global] section, if any.</summary>
    public static string? ErrorLog(string text) => text.Split('\n')
        .Select(l => l.Trim())
        .Where(l => l.StartsWith("error_log", StringComparison.Ordinal) && l.Contains('='))
        .Select(l => Unquote(l[(l.IndexOf('=') + 1)..].Trim()))
        .FirstOrDefault();
}
