using Nginx502Bot.Agent.Host;
using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Agent.Probes;

/// <summary>
/// For every unix socket nginx dials in the query's scope (every one, and every PHP-FPM pool socket, for a whole-host
/// query): does it exist, is it a socket, owner, group, mode (statx), and does anything listen on it (/proc/net/unix).
/// </summary>
public sealed class UnixSocketProbe : IProbe
{
    public string Name => ProbeNames.UnixSockets;
    public ProbeScope Scope => ProbeScope.Diagnosis;
    public ProbeStage Stage => ProbeStage.Targets;

    public Task<ProbeOutcome> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        string[] paths = [];
        HashSet<string> listening = [];
        context.Evidence.Update(b =>
        {
            paths = DiscoveredTargets.Unix(b, context.Query).Take(context.Options.MaxItems).ToArray();
            listening = b.Listeners.Where(l => l.Family == SocketFamily.Unix && l.Path is not null).Select(l => l.Path!).ToHashSet();
        });
        var infos = paths.Select(p => Describe(context, p, listening.Contains(p))).ToArray();
        context.Evidence.Update(b => b.UnixSockets.AddRange(infos));
        return Task.FromResult(paths.Length == 0 ? ProbeOutcome.Skip("nginx dials no unix socket") : new ProbeOutcome(ProbeStatus.Ok, $"{infos.Count(i => i.Exists)} of {paths.Length} sockets exist"));
    }

    private static UnixSocketInfo Describe(ProbeContext context, string path, bool listening)
    {
        var status = NativeStat.Stat(context.Files.Map(path));
        if (status is null) { return new UnixSocketInfo { Path = path, Exists = false, Listening = listening }; }
        return new UnixSocketInfo
        {
            Path = path,
            Exists = true,
            IsSocket = status.IsSocket,
            Uid = status.Uid,
            Gid = status.Gid,
            Owner = context.Users.UserName(status.Uid) ?? status.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Group = context.Users.GroupName(status.Gid) ?? status.Gid.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Mode = status.Mode,
            Listening = listening,
        };
    }
}
