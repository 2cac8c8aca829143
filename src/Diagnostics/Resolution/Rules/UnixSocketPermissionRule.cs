using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Resolution.Rules;

/// <summary><c>unix_socket_permission</c>: the socket's owner, group and mode do not give the worker user write access.</summary>
public sealed class UnixSocketPermissionRule : IRootCauseRule
{
    public RootCauseResolution? TryResolve(RootCauseContext context)
    {
        if (context.Finding.Cause != Causes.UnixSocketPermission || !context.IsUnixTarget) { return null; }
        var path = context.Target["unix:".Length..];
        var socket = context.Evidence.UnixSockets.FirstOrDefault(s => s.Path == path);
        var worker = context.WorkerUser;
        if (socket is not { Exists: true, Mode: not null } || worker?.Uid is null) { return null; }
        if (MayConnect(socket, worker)) { return null; }

        var pool = context.Evidence.PhpFpmPools.FirstOrDefault(p => p.ListenTarget == context.Target);
        return new RootCauseResolution
        {
            RootCause = RootCauses.UnixSocketPermission,
            Confidence = Confidence.High,
            Summary = $"{path} is {socket.Owner}:{socket.Group} {socket.ModeText}; nginx worker user {worker.Name} may not connect",
            Facts =
            [
                new($"{path} owner {socket.Owner} group {socket.Group} mode {socket.ModeText}", ProbeNames.UnixSockets),
                new($"nginx workers run as {worker.Name} (uid {worker.Uid}, groups {string.Join(",", worker.Groups)})", ProbeNames.WorkerUser),
                .. pool is null ? Array.Empty<EvidenceFact>() : [new($"PHP-FPM pool [{pool.Name}] creates this socket", ProbeNames.PhpFpmPools, pool.ListenLocation ?? pool.Location)],
            ],
            Remediation = Remediation(context, pool, socket, worker),
        };
    }

    /// <summary>connect(2) on a unix socket needs write permission on the socket file.</summary>
    public static bool MayConnect(UnixSocketInfo socket, UserIdentity user)
    {
        var mode = socket.Mode!.Value;
        if (user.Uid == 0) { return true; }
        if (user.Uid == socket.Uid) { return (mode & 0x80) != 0; }
        if (socket.Gid is { } gid && (user.Gid == gid || user.GroupIds.Contains(gid))) { return (mode & 0x10) != 0; }
        return (mode & 0x2) != 0;
    }

    private static string[] Remediation(RootCauseContext context, PhpFpmPool? pool, UnixSocketInfo socket, UserIdentity worker)
    {
        if (pool is not null)
        {
            var unit = context.Evidence.Services.FirstOrDefault(s => s.Name.Contains("fpm", StringComparison.Ordinal))?.Name ?? "php-fpm";
            var group = worker.Groups.Head() ?? worker.Name;
            return
            [
                $"In {pool.ListenModeLocation ?? pool.ListenLocation ?? pool.Location} set `listen.owner = {worker.Name}`, `listen.group = {group}`, `listen.mode = 0660`, then `systemctl restart {unit}`",
            ];
        }

        // Adding the worker to root's group would hand it far more than one socket: change the socket's group instead.
        if (socket.Gid == 0)
        {
            var group = worker.Groups.Head() ?? worker.Name;
            return [$"have the backend create {socket.Path} with group {group} and mode 0660 (to check now: `chgrp {group} {socket.Path} && chmod 0660 {socket.Path}`); do not add {worker.Name} to the root group"];
        }

        return [$"usermod -aG {socket.Group} {worker.Name} (and make the socket group-writable), then `systemctl restart nginx`"];
    }
}
