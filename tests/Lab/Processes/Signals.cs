using System.Runtime.InteropServices;

namespace Nginx502Bot.Lab.Processes;

/// <summary>kill(2) by PID: .NET only offers SIGKILL, but nginx and PHP-FPM masters should stop their workers first.</summary>
internal static partial class Signals
{
    public const int Term = 15;

    public static bool Send(int pid, int signal) => Kill(pid, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int sig);
}
