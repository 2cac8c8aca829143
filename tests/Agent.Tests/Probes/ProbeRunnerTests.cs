using Microsoft.Extensions.Logging.Abstractions;
using Nginx502Bot.Agent.Host;
using Nginx502Bot.Agent.Options;
using Nginx502Bot.Agent.Probes;

namespace Nginx502Bot.Agent.Tests.Probes;

/// <summary>
/// Probes of one stage run together and a stage waits for the one before: per-target probes must see the targets the
/// configuration stage found, while independent probes must not queue behind each other's timeouts.
/// </summary>
public sealed class ProbeRunnerTests
{
    private static ProbeContext Context(int timeoutMs = 2000)
    {
        var options = new AgentOptions { ProbeTimeoutMs = timeoutMs };
        return new ProbeContext(new DiagnoseQuery(), new HostFileSystem(Microsoft.Extensions.Options.Options.Create(options)), new ProcessRunner(), options, TimeProvider.System);
    }

    [Fact]
    public async Task LaterStage_SeesWhatAnEarlierStageFound_WhateverTheRegistrationOrder()
    {
        var reader = new Probe("reader", ProbeStage.Targets, c => c.Evidence.Read(b => b.PhpFpmLogs.Count) == 1 ? ProbeStatus.Ok : ProbeStatus.NothingFound);
        var writer = new Probe("writer", ProbeStage.Discovery, c =>
        {
            Thread.Sleep(50);
            c.Evidence.Update(b => b.PhpFpmLogs.Add("/var/log/php-fpm.log"));
            return ProbeStatus.Ok;
        });

        var records = await new ProbeRunner([reader, writer], NullLogger<ProbeRunner>.Instance).RunAsync(Context(), ProbeScope.Diagnosis, null, CancellationToken.None);

        Assert.Equal(["reader", "writer"], records.Select(r => r.Name));
        Assert.All(records, r => Assert.Equal(ProbeStatus.Ok, r.Status));
    }

    [Fact]
    public async Task ProbesOfOneStage_RunAtTheSameTime()
    {
        // Each waits for the other to have started: run one after the other, the first would time out.
        using var both = new Barrier(2);
        var a = new Probe("a", ProbeStage.Host, _ => both.SignalAndWait(TimeSpan.FromSeconds(5)) ? ProbeStatus.Ok : ProbeStatus.Failed);
        var b = new Probe("b", ProbeStage.Host, _ => both.SignalAndWait(TimeSpan.FromSeconds(5)) ? ProbeStatus.Ok : ProbeStatus.Failed);
        var progress = new List<int>();

        var records = await new ProbeRunner([a, b], NullLogger<ProbeRunner>.Instance).RunAsync(Context(timeoutMs: 4000), ProbeScope.Diagnosis,
            (_, done, total, _) => { lock (progress) { progress.Add(done * 10 + total); } return Task.CompletedTask; }, CancellationToken.None);

        Assert.All(records, r => Assert.Equal(ProbeStatus.Ok, r.Status));
        Assert.Equal([12, 22], progress.Order());
    }

    [Fact]
    public async Task ProbeOverItsBudget_TimesOutWithoutHoldingTheNextStage()
    {
        var slow = new Probe("slow", ProbeStage.Host, _ => { Thread.Sleep(3000); return ProbeStatus.Ok; });
        var next = new Probe("next", ProbeStage.Targets, _ => ProbeStatus.Ok);

        var records = await new ProbeRunner([slow, next], NullLogger<ProbeRunner>.Instance).RunAsync(Context(timeoutMs: 200), ProbeScope.Diagnosis, null, CancellationToken.None);

        Assert.Equal([ProbeStatus.TimedOut, ProbeStatus.Ok], records.Select(r => r.Status));
        Assert.True(records[0].DurationMs < 2000, $"slow probe held the run for {records[0].DurationMs} ms");
    }

    private sealed class Probe(string name, ProbeStage stage, Func<ProbeContext, ProbeStatus> run) : IProbe
    {
        public string Name => name;
        public ProbeScope Scope => ProbeScope.Diagnosis;
        public ProbeStage Stage => stage;

        public Task<ProbeOutcome> RunAsync(ProbeContext context, CancellationToken cancellationToken) => Task.FromResult(new ProbeOutcome(run(context)));
    }
}
