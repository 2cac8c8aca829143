using Nginx502Bot.Diagnostics.Records;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// The kernel's lines: the OOM killer (classic and cgroup forms), segfaults, and SELinux AVC denials as auditd and the
/// kernel write them.
/// </summary>
internal static class KernelLines
{
    /// <summary>
    /// A kernel record behind a head the envelope reader did not take, such as grep's file name before a syslog line
    /// ("/var/log/kern.log:2026-03-11T10:09:03.883522+01:00 host kernel: [1632353.206745] oom-kill:..."): read from its
    /// "kernel: " tag on, where only the kernel's own messages are taken.
    /// </summary>
    internal static bool TryKernelBehindTag(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var tag = s[..Math.Min(s.Length, 2 * CompanionLineParser.MaxCompanionPrefix)].IndexOf(" kernel: ", StringComparison.Ordinal);
        return tag > 0 && TryKernel(s, tag + 1, ref c);
    }

    internal static bool TryKernel(ReadOnlySpan<char> s, int at, ref CompanionLine c)
    {
        var p = at;
        if (s[p..].StartsWith("kernel: "))
        {
            p += "kernel: ".Length;
        }

        if (p < s.Length && s[p] == '[')
        {
            var close = s[p..].IndexOf(']');
            if (close > 0 && CompanionLineParser.IsMonotonic(s[(p + 1)..(p + close)]))
            {
                p += close + 1;
                while (p < s.Length && s[p] == ' ')
                {
                    p++;
                }
            }
        }

        var m = s[p..];
        if (m.StartsWith("audit: ") || m.StartsWith("type="))
        {
            return TryAudit(s, p, ref c);
        }

        // The kernel's "Out of memory: Killed process ..." (older kernels: "Out of memory: Kill process ..."); PHP's "Out of
        // memory (allocated N)" is the engine's own fatal, and another program's "Out of memory: false" (Pterodactyl's
        // daemon on a container that was not OOM-killed) names no kill.
        if (m.StartsWith(OutOfMemoryKill, StringComparison.Ordinal) || m.StartsWith("Memory cgroup out of memory", StringComparison.Ordinal)
            || m.StartsWith("Killed process ", StringComparison.Ordinal) || m.StartsWith("oom-kill:", StringComparison.Ordinal)
            || m.StartsWith("oom_reaper: reaped process", StringComparison.Ordinal) || m.Contains(" invoked oom-killer:", StringComparison.Ordinal)
            || (m.StartsWith("Process ", StringComparison.Ordinal) && m.Contains(OomEventKill, StringComparison.Ordinal)))
        {
            c.Kind = RecordKind.Kernel;
            c.Cause = Causes.OomKilled;
            c.Message = Segment.Between(p, s.Length);
            SetKilledProcess(s, p, ref c);
            return true;
        }

        var seg = m.IndexOf("]: segfault at ", StringComparison.Ordinal);
        var gp = m.IndexOf("] general protection fault", StringComparison.Ordinal);
        var traps = m.StartsWith("traps: ", StringComparison.Ordinal) ? m.IndexOf('[') : -1;
        var fatal = m.Contains("potentially unexpected fatal signal", StringComparison.Ordinal);
        if (seg > 0 || gp > 0 || traps > 0 || fatal)
        {
            c.Kind = RecordKind.Kernel;
            c.Cause = Causes.AppCrash;
            c.Message = Segment.Between(p, s.Length);
            var nameStart = traps > 0 ? p + "traps: ".Length : p;
            var bracket = s[nameStart..].IndexOf('[');
            if (bracket > 0 && !fatal)
            {
                c.Subject = new Segment(nameStart, bracket);
                var q = nameStart + bracket + 1;
                var pid = DecimalText.ReadNumber(s, ref q);
                c.Pid = DecimalText.Pid(pid);
            }

            return true;
        }

        return false;
    }

    /// <summary>The kernel's OOM report names the process it kills ("Kill process" before 4.x, "Killed process" after).</summary>
    private const string OutOfMemoryKill = "Out of memory: Kill";

    /// <summary>Kubernetes' node event: "Process nginx (pid: 3860819) triggered an OOM kill on process nginx (pid: 3128340, ...".</summary>
    private const string OomEventKill = ") triggered an OOM kill on process ";

    /// <summary>"Killed process 1234 (php-fpm8.2)", "oom-kill:...,task=php-fpm8.2,pid=1234,..." or the Kubernetes event.</summary>
    private static void SetKilledProcess(ReadOnlySpan<char> s, int at, ref CompanionLine c)
    {
        var m = s[at..];
        var ev = m.IndexOf(OomEventKill, StringComparison.Ordinal);
        if (ev >= 0)
        {
            var start = at + ev + OomEventKill.Length;
            var name = s[start..].IndexOf(" (pid:", StringComparison.Ordinal);
            if (name > 0)
            {
                c.Subject = new Segment(start, name);
                c.Pid = GunicornLines.PidAfter(s[(start + name)..], "(pid:");
            }

            return;
        }

        var k = m.IndexOf("process ", StringComparison.Ordinal);
        if (k >= 0)
        {
            var p = at + k + "process ".Length;
            var pid = DecimalText.ReadNumber(s, ref p);
            if (pid > 0 && p + 2 < s.Length && s[p] == ' ' && s[p + 1] == '(')
            {
                var close = s[(p + 2)..].IndexOf(')');
                if (close > 0)
                {
                    c.Subject = new Segment(p + 2, close);
                }

                c.Pid = pid < int.MaxValue ? (int)pid : -1;
                return;
            }
        }

        var task = m.IndexOf(",task=", StringComparison.Ordinal);
        if (task >= 0)
        {
            var start = at + task + ",task=".Length;
            var end = s[start..].IndexOf(',');
            c.Subject = new Segment(start, end < 0 ? s.Length - start : end);
            c.Pid = GunicornLines.PidAfter(m, ",pid=");
        }
    }

    /// <summary>Where the AVC's own text starts; a writer may quote it from there, the audit head dropped (round 119).</summary>
    internal const string AvcHead = "avc:";

    internal static bool TryAudit(ReadOnlySpan<char> s, int at, ref CompanionLine c)
    {
        var m = s[at..];
        var avc = m.IndexOf(AvcHead, StringComparison.Ordinal);
        if (avc < 0 || !(m.StartsWith("type=") || m.StartsWith("audit") || avc == 0))
        {
            return false;
        }

        c.Kind = RecordKind.SelinuxAudit;
        c.Message = Segment.Between(at + avc, s.Length);
        var stamp = m.IndexOf("audit(", StringComparison.Ordinal);
        if (stamp >= 0)
        {
            var p = at + stamp + "audit(".Length;
            c.Time ??= TimeParsing.Epoch(DecimalText.ReadNumber(s, ref p));
        }

        var denied = m[avc..].Contains("denied", StringComparison.Ordinal);
        // httpd_t also confines Apache's httpd and PHP-FPM: the domain stands for nginx only when the record names no
        // other program (round 119: Apache's mod_proxy_ajp denied with comm="httpd").
        var named = m.Contains("comm=\"", StringComparison.Ordinal);
        var nginx = m.Contains("comm=\"nginx\"", StringComparison.Ordinal) || (!named && m.Contains(":httpd_t:", StringComparison.Ordinal));
        c.Cause = denied && nginx && IsConnectDenial(m) ? Causes.SelinuxDenied : Causes.NotAnUpstreamError;
        c.Pid = GunicornLines.PidAfter(m, "pid=");
        var comm = m.IndexOf("comm=\"", StringComparison.Ordinal);
        if (comm >= 0)
        {
            var start = at + comm + "comm=\"".Length;
            var end = s[start..].IndexOf('"');
            c.Subject = new Segment(start, end < 0 ? 0 : end);
        }

        return true;
    }

    /// <summary>
    /// A denial on the way to an upstream: connecting a TCP port (<c>name_connect</c>), a unix stream socket
    /// (<c>connectto</c>), or writing a socket file. Reading nginx's own files or executable memory is something else.
    /// </summary>
    private static bool IsConnectDenial(ReadOnlySpan<char> m) =>
        m.Contains("name_connect", StringComparison.Ordinal) || m.Contains("connectto", StringComparison.Ordinal)
        || m.Contains("tclass=sock_file", StringComparison.Ordinal) || m.Contains("tclass=unix_stream_socket", StringComparison.Ordinal)
        || m.Contains("tclass=tcp_socket", StringComparison.Ordinal);

    internal static bool TrySelinuxText(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var i = s.IndexOf("SELinux is preventing ", StringComparison.Ordinal);
        if (i < 0)
        {
            return false;
        }

        c.Kind = RecordKind.SelinuxAudit;
        c.Message = Segment.Between(i, s.Length);
        var m = s[i..];
        var nginx = m.Contains("nginx", StringComparison.Ordinal) || m.Contains("httpd", StringComparison.Ordinal);
        c.Cause = nginx && IsConnectSummary(m) ? Causes.SelinuxDenied : Causes.NotAnUpstreamError;
        return true;
    }

    /// <summary>
    /// setroubleshoot's summary names the permission the AVC denied ("from name_connect access on the tcp_socket port
    /// 8080", "from connectto access on the unix_stream_socket ...", "from write access on the sock_file ..."): only
    /// those are on the way to an upstream. A refused listen port ("from name_bind access") or a file read is nginx's own.
    /// </summary>
    private static bool IsConnectSummary(ReadOnlySpan<char> m) =>
        m.Contains("name_connect", StringComparison.Ordinal) || m.Contains("connectto", StringComparison.Ordinal)
        || m.Contains("sock_file", StringComparison.Ordinal);
}
