using Google.Protobuf.WellKnownTypes;
using Nginx502Bot.Agent.Probes;
using Nginx502Bot.Diagnostics.Evidence;
using V1 = Nginx502Bot.Agent.Contract.V1;

namespace Nginx502Bot.Agent.Service;

/// <summary>Domain evidence → wire messages. Generated types stay here, never in the domain.</summary>
public static class EvidenceProtoMapper
{
    public static V1.Evidence ToProto(HostEvidence e, IReadOnlyList<ProbeRecord> probes)
    {
        var m = new V1.Evidence
        {
            Selinux = e.Selinux is null ? null : ToProto(e.Selinux),
        };
        m.Probes.AddRange(probes.Select(ToProto));
        m.NginxInstances.AddRange(e.Instances.Select(ToProto));
        m.Listeners.AddRange(e.Listeners.Select(l => new V1.Listener
        {
            Family = (V1.AddressFamily)(int)l.Family, Address = l.Address, Port = l.Port, Path = l.Path ?? "", Pid = l.Pid ?? 0, Process = l.Process ?? "",
        }));
        m.UnixSockets.AddRange(e.UnixSockets.Select(s => new V1.UnixSocket
        {
            Path = s.Path, Exists = s.Exists, IsSocket = s.IsSocket, Owner = s.Owner ?? "", Group = s.Group ?? "", Mode = s.ModeText ?? "", Listening = s.Listening,
        }));
        m.DirectProbes.AddRange(e.DirectProbes.Select(d => new V1.DirectProbe
        {
            Target = d.Target, TcpConnected = d.Connected, ConnectError = d.ConnectError ?? "", Speaks = d.Speaks ?? "", HttpStatus = d.HttpStatus ?? 0,
            HeaderBytes = d.HeaderBytes ?? 0, TlsHandshake = d.TlsHandshake, FastcgiValues = d.FastCgiValues, ElapsedMs = d.ElapsedMs, Detail = d.Detail ?? "",
        }));
        m.Services.AddRange(e.Services.Select(s => new V1.ServiceState
        {
            Unit = s.Name, ActiveState = s.ActiveState ?? "", SubState = s.SubState ?? "", MainPid = s.MainPid ?? 0, Restarts = s.Restarts ?? 0, Source = s.Source,
        }));
        m.PhpFpmPools.AddRange(e.PhpFpmPools.Select(p => new V1.PhpFpmPool
        {
            Name = p.Name, Source = Source(ProbeNames.PhpFpmPools, p.Location), Listen = p.Listen ?? "", ListenOwner = p.ListenOwner ?? "",
            ListenGroup = p.ListenGroup ?? "", ListenMode = p.ListenMode ?? "", MaxChildren = p.MaxChildren ?? 0, User = p.User ?? "",
        }));
        m.Events.AddRange(e.Events.Select(v => new V1.HostEvent
        {
            Cause = v.Cause, Time = Time(v.Time), Subject = v.Subject ?? "", Text = v.Text, Source = Source(v.Probe, v.Location),
        }));
        return m;
    }

    public static V1.ProbeResult ToProto(ProbeRecord r) => new()
    {
        Name = r.Name, Status = Status(r.Status), DurationMs = r.DurationMs, Message = r.Message ?? "", Truncated = r.Truncated,
    };

    public static V1.ProbeStatus Status(ProbeStatus s) => s switch
    {
        ProbeStatus.Ok => V1.ProbeStatus.Ok,
        ProbeStatus.NothingFound => V1.ProbeStatus.NothingFound,
        ProbeStatus.Skipped => V1.ProbeStatus.Skipped,
        ProbeStatus.Failed => V1.ProbeStatus.Failed,
        ProbeStatus.TimedOut => V1.ProbeStatus.TimedOut,
        _ => V1.ProbeStatus.Unspecified,
    };

    public static V1.NginxInstance ToProto(NginxInstance i)
    {
        var m = new V1.NginxInstance
        {
            Pid = i.Pid, Binary = i.Binary ?? "", Version = i.Version ?? "", ConfigPath = i.ConfigPath, Prefix = i.Prefix ?? "", WorkerUser = i.WorkerUser ?? "",
        };
        m.ServerBlocks.AddRange(i.ServerBlocks.Select(s =>
        {
            var b = new V1.ServerBlock { Source = Source(ProbeNames.NginxConfig, s.Location) };
            b.ServerNames.AddRange(s.ServerNames);
            b.Listens.AddRange(s.Listens);
            return b;
        }));
        m.PassTargets.AddRange(i.Passes.Select(ToProto));
        m.Upstreams.AddRange(i.Upstreams.Select(ToProto));
        m.ErrorLogs.AddRange(i.ErrorLogs);
        m.AccessLogs.AddRange(i.AccessLogs);
        m.ConfigErrors.AddRange(i.ConfigErrors);
        return m;
    }

    private static V1.PassTarget ToProto(PassDirective p)
    {
        var m = new V1.PassTarget
        {
            Directive = p.Directive, Value = p.Value, Scheme = p.Scheme, Address = p.Address, Source = Source(ProbeNames.NginxConfig, p.Location),
            Location = p.LocationPath ?? "", ProxyHttpVersion = p.ProxyHttpVersion?.Value ?? "", ProxyHttpVersionSource = Source(ProbeNames.NginxConfig, p.ProxyHttpVersion?.Location),
            ConnectionHeader = p.ConnectionHeader?.Value ?? "", ConnectionHeaderSource = Source(ProbeNames.NginxConfig, p.ConnectionHeader?.Location),
        };
        m.ServerNames.AddRange(p.ServerNames);
        return m;
    }

    private static V1.UpstreamBlock ToProto(UpstreamBlock u)
    {
        var m = new V1.UpstreamBlock
        {
            Name = u.Name, Source = Source(ProbeNames.NginxConfig, u.Location),
            Keepalive = int.TryParse(u.Keepalive?.Value, out var k) ? k : 0, KeepaliveSource = Source(ProbeNames.NginxConfig, u.Keepalive?.Location),
        };
        m.Members.AddRange(u.Members.Select(x => new V1.UpstreamMember
        {
            Address = x.Address, MaxFails = x.MaxFails ?? 0, FailTimeout = x.FailTimeout ?? "", Backup = x.Backup, Down = x.Down, Source = Source(ProbeNames.NginxConfig, x.Location),
        }));
        return m;
    }

    private static V1.Selinux ToProto(SelinuxState s)
    {
        var m = new V1.Selinux { Mode = (V1.SelinuxMode)(int)s.Mode };
        foreach (var (k, v) in s.Booleans) { m.Booleans[k] = v; }
        return m;
    }

    public static V1.SourceRef? Source(string probe, SourceLocation? at) => at is null ? null : new V1.SourceRef { Probe = probe, File = at.File, Line = at.Line };

    /// <summary>Log times are local wall-clock times without a zone; the wire carries UTC.</summary>
    public static Timestamp? Time(DateTime? local) => local is { } t
        ? Timestamp.FromDateTime(DateTime.SpecifyKind(t, DateTimeKind.Local).ToUniversalTime())
        : null;
}
