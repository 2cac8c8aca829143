namespace Nginx502Bot.Agent.Host;

/// <summary>
/// What tells one version of a file from another without reading it: inode (a file replaced by rename), size, and the
/// modification and change times in nanoseconds (ctime moves on every write and cannot be set back by a tool).
/// </summary>
public sealed record FileStamp(ulong Inode, ulong Size, long ModifiedNs, long ChangedNs);
