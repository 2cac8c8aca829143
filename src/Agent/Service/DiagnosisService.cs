using Microsoft.Extensions.Options;
using Nginx502Bot.Agent.Host;
using Nginx502Bot.Agent.Options;
using Nginx502Bot.Agent.Probes;
using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Findings;
using Nginx502Bot.Diagnostics.Resolution;

namespace Nginx502Bot.Agent.Service;

/// <summary>Application service: runs the probes for a query, then resolves each engine finding against the evidence.</summary>
public sealed class DiagnosisService(ProbeRunner runner, HostFileSystem files, ProcessRunner processes, IOptions<AgentOptions> options, TimeProvider time)
{
    public async Task<DiagnosisReport> DiagnoseAsync(DiagnoseQuery query, Func<ProbeRecord, int, int, CancellationToken, Task>? progress,
        CancellationToken cancellationToken)
    {
        var context = new ProbeContext(query, files, processes, options.Value, time);
        var records = await runner.RunAsync(context, ProbeScope.Diagnosis, progress, cancellationToken);
        var evidence = context.Evidence.Freeze();
        var findings = (context.Evidence.Diagnosis?.Findings ?? []).Where(query.Selects)
            .Select(f => Resolve(f, evidence)).ToArray();
        return new DiagnosisReport
        {
            AgentVersion = AgentInfo.Version, Hostname = AgentInfo.Hostname, FinishedAt = time.GetUtcNow(),
            Probes = records, Evidence = evidence, Findings = findings,
        };
    }

    /// <summary>Runs only the inventory probes (discovery, configuration, worker user).</summary>
    public async Task<(IReadOnlyList<ProbeRecord> Probes, HostEvidence Evidence)> InventoryAsync(string? correlationId, CancellationToken cancellationToken)
    {
        var context = new ProbeContext(new DiagnoseQuery { CorrelationId = correlationId }, files, processes, options.Value, time);
        var records = await runner.RunAsync(context, ProbeScope.Inventory, null, cancellationToken);
        return (records, context.Evidence.Freeze());
    }

    public static ResolvedFinding Resolve(Finding finding, HostEvidence evidence) =>
        new(RootCauseResolver.Refine(finding, evidence), RootCauseResolver.Resolve(finding, evidence));
}
