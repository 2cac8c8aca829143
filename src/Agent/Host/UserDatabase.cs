using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Agent.Host;

/// <summary>Users and groups from /etc/passwd and /etc/group text (no NSS: LDAP users are not seen, and say so).</summary>
public sealed class UserDatabase
{
    private readonly Dictionary<string, (int Uid, int Gid)> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _userNames = [];
    private readonly Dictionary<int, string> _groupNames = [];
    private readonly List<Group> _groups = [];

    public static UserDatabase Parse(string passwd, string group)
    {
        var db = new UserDatabase();
        foreach (var f in Rows(passwd, 4))
        {
            if (int.TryParse(f[2], out var uid) && int.TryParse(f[3], out var gid))
            {
                db._users.TryAdd(f[0], (uid, gid));
                db._userNames.TryAdd(uid, f[0]);
            }
        }

        foreach (var f in Rows(group, 3))
        {
            if (!int.TryParse(f[2], out var gid)) { continue; }
            db._groupNames.TryAdd(gid, f[0]);
            db._groups.Add(new Group(f[0], gid, f.Length > 3 ? f[3].Split(',', StringSplitOptions.RemoveEmptyEntries) : []));
        }

        return db;
    }

    private static IEnumerable<string[]> Rows(string text, int minFields) => text.Split('\n')
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.Split(':'))
        .Where(f => f.Length >= minFields);

    public string? UserName(int uid) => _userNames.GetValueOrDefault(uid);

    public string? GroupName(int gid) => _groupNames.GetValueOrDefault(gid);

    /// <summary>The user with primary and supplementary groups; null when /etc/passwd does not list them.</summary>
    public UserIdentity? Identity(string name)
    {
        if (!_users.TryGetValue(name, out var u)) { return null; }
        // Primary group first, then the supplementary ones in /etc/group order. Plain loops: LINQ over small value
        // types costs the NativeAOT binary a set of generic instantiations each (see docs/agent.md, NativeAOT).
        var groups = new List<Group>();
        foreach (var g in _groups)
        {
            if (g.Gid == u.Gid) { groups.Add(g); }
        }

        foreach (var g in _groups)
        {
            if (g.Gid != u.Gid && Array.IndexOf(g.Members, name) >= 0) { groups.Add(g); }
        }

        var names = new string[groups.Count];
        var ids = new int[groups.Count];
        for (var i = 0; i < groups.Count; i++) { (names[i], ids[i]) = (groups[i].Name, groups[i].Gid); }
        return new UserIdentity { Name = name, Uid = u.Uid, Gid = u.Gid, Groups = names, GroupIds = ids };
    }

    private sealed record Group(string Name, int Gid, string[] Members);
}
