namespace Nginx502Bot.Agent.Host;

/// <summary>Owner, group, permission bits and type of a file, from statx(2).</summary>
public sealed record FileStatus(int Uid, int Gid, int Mode, bool IsSocket);
