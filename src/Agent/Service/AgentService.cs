using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging;
using V1 = Nginx502Bot.Agent.Contract.V1;

namespace Nginx502Bot.Agent.Service;

/// <summary>
/// Adapter between the wire contract and the application: proto → domain → proto. The transport calls these three
/// methods after authentication; deadlines from the request meta are honoured on top of the call's own token.
/// </summary>
public sealed partial class AgentService(DiagnosisService diagnosis, TimeProvider time, ILogger<AgentService> logger)
{
    /// <summary>Longer deadlines are clamped: no diagnosis needs more, and CancelAfter rejects very long spans.</summary>
    public static readonly TimeSpan MaxDeadline = TimeSpan.FromMinutes(10);

    private readonly DateTimeOffset _started = time.GetUtcNow();

    public Task<V1.HealthResponse> HealthAsync(V1.HealthRequest request, CancellationToken cancellationToken)
    {
        LogCall(logger, "Health", request.Meta?.RequestId ?? "-", request.Meta?.CorrelationId ?? "-");
        return Task.FromResult(new V1.HealthResponse
        {
            Status = V1.ServingStatus.Serving, AgentVersion = AgentInfo.Version, Hostname = AgentInfo.Hostname,
            UptimeSeconds = (long)(time.GetUtcNow() - _started).TotalSeconds,
        });
    }

    public async Task<V1.GetInventoryResponse> GetInventoryAsync(V1.GetInventoryRequest request, CancellationToken cancellationToken)
    {
        LogCall(logger, "GetInventory", request.Meta?.RequestId ?? "-", request.Meta?.CorrelationId ?? "-");
        using var cts = Deadline(request.Meta, cancellationToken);
        var (probes, evidence) = await diagnosis.InventoryAsync(request.Meta?.CorrelationId, cts.Token);
        var response = new V1.GetInventoryResponse { AgentVersion = AgentInfo.Version, Hostname = AgentInfo.Hostname };
        response.NginxInstances.AddRange(evidence.Instances.Select(EvidenceProtoMapper.ToProto));
        response.Probes.AddRange(probes.Select(EvidenceProtoMapper.ToProto));
        return response;
    }

    /// <summary>Progress after each probe, then exactly one result.</summary>
    public async IAsyncEnumerable<V1.DiagnoseResponse> DiagnoseAsync(V1.DiagnoseRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = RequestMapper.ToQuery(request);
        LogCall(logger, "Diagnose", request.Meta?.RequestId ?? "-", query.CorrelationId ?? "-");
        using var cts = Deadline(request.Meta, cancellationToken);
        var channel = Channel.CreateUnbounded<V1.DiagnoseResponse>(new UnboundedChannelOptions { SingleReader = true });
        var run = RunAsync(query, channel.Writer, cts.Token);
        await foreach (var message in channel.Reader.ReadAllAsync(cts.Token)) { yield return message; }
        await run;
    }

    private async Task RunAsync(Probes.DiagnoseQuery query, ChannelWriter<V1.DiagnoseResponse> writer, CancellationToken ct)
    {
        try
        {
            var report = await diagnosis.DiagnoseAsync(query, (record, done, total, _) =>
            {
                writer.TryWrite(new V1.DiagnoseResponse
                {
                    Progress = new V1.DiagnoseProgress { Probe = record.Name, Status = EvidenceProtoMapper.Status(record.Status), Completed = done, Total = total },
                });
                return Task.CompletedTask;
            }, ct);
            writer.TryWrite(new V1.DiagnoseResponse { Result = ToProto(report) });
            writer.TryComplete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e);
        }
    }

    public static V1.DiagnoseResult ToProto(DiagnosisReport report)
    {
        var result = new V1.DiagnoseResult
        {
            AgentVersion = report.AgentVersion, Hostname = report.Hostname,
            Evidence = EvidenceProtoMapper.ToProto(report.Evidence, report.Probes),
            FinishedAt = Timestamp.FromDateTimeOffset(report.FinishedAt),
        };
        result.Findings.AddRange(report.Findings.Select(FindingProtoMapper.ToProto));
        return result;
    }

    private CancellationTokenSource Deadline(V1.RequestMeta? meta, CancellationToken ct)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (meta?.Deadline is { } d)
        {
            var left = d.ToDateTimeOffset() - time.GetUtcNow();
            if (left <= TimeSpan.Zero) { cts.Cancel(); }
            else { cts.CancelAfter(left < MaxDeadline ? left : MaxDeadline); }
        }

        return cts;
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "{Method} request {RequestId} correlation {CorrelationId}")]
    private static partial void LogCall(ILogger logger, string method, string requestId, string correlationId);
}
