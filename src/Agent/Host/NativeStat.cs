using System.Runtime.InteropServices;

namespace Nginx502Bot.Agent.Host;

/// <summary>
/// statx(2) through glibc: .NET exposes the mode of a file but not its owner. struct statx has one layout on every
/// Linux architecture (uid at byte 20, gid at 24, mode at 28), which keeps this free of per-arch structs.
/// </summary>
public static partial class NativeStat
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;
    private const int SocketType = 0xC000;
    private const int TypeMask = 0xF000;

    /// <summary>Status of a path (links not followed), or null when it does not exist or cannot be stat'ed.</summary>
    public static FileStatus? Stat(string path)
    {
        if (!OperatingSystem.IsLinux()) { return null; }
        var buffer = new byte[256];
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, buffer) != 0) { return null; }
        var uid = BitConverter.ToInt32(buffer, 20);
        var gid = BitConverter.ToInt32(buffer, 24);
        var mode = BitConverter.ToUInt16(buffer, 28);
        return new FileStatus(uid, gid, mode & 0xFFF, (mode & TypeMask) == SocketType);
    }

    /// <summary>
    /// Identity and times of a path, links followed (a sites-enabled link stands for its target), or null when it
    /// does not exist. statx layout: ino at 32, size at 40, ctime at 96, mtime at 112 (each i64 seconds, u32 nanoseconds).
    /// </summary>
    public static FileStamp? Stamp(string path)
    {
        if (!OperatingSystem.IsLinux()) { return null; }
        var buffer = new byte[256];
        if (Statx(AtFdCwd, path, 0, StatxBasicStats, buffer) != 0) { return null; }
        return new FileStamp(BitConverter.ToUInt64(buffer, 32), BitConverter.ToUInt64(buffer, 40), Nanoseconds(buffer, 112), Nanoseconds(buffer, 96));
    }

    private static long Nanoseconds(byte[] buffer, int offset) =>
        (BitConverter.ToInt64(buffer, offset) * 1_000_000_000L) + BitConverter.ToUInt32(buffer, offset + 8);

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, [Out] byte[] buffer);
}
