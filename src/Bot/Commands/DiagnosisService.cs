using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Bot.Dispatch;
using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Diagnostics.Findings;

namespace Nginx502Bot.Bot.Commands;

/// <summary>
/// The application service behind <c>/502 TARGET</c>, <c>/502 &lt;pasted lines&gt;</c> and overheard pastes: analyse the
/// lines, pick the agents the request concerns, fan out with one summary message edited in place, record the incident.
/// </summary>
public sealed partial class DiagnosisService(
    IAgentDirectory directory,
    AgentFanOut fanOut,
    IIncidentCommands incidents,
    RerunMemory rerun,
    IOptions<DispatchOptions> dispatchOptions,
    TimeProvider time,
    ILogger<DiagnosisService> logger)
{
    /// <summary>Runs one diagnosis. With <paramref name="onlyWhenFound"/> (overheard chatter) nothing is posted unless the lines show an upstream failure.</summary>
    public async Task RunAsync(CommandContext context, DiagnosisRequest request, bool onlyWhenFound, CancellationToken cancellationToken)
    {
        var pasted = Analyze(request.PastedText, out var engineError);
        var findings = pasted?.Findings.ToList() ?? [];
        if (onlyWhenFound && findings.Count == 0)
        {
            return;
        }

        if (engineError is not null)
        {
            await context.Replier.PostAsync(context.Thread, ChatReply.Plain($"The diagnosis engine failed on this input: {engineError}"), cancellationToken);
            return;
        }

        var agents = await SelectAgentsAsync(request, findings, cancellationToken);
        var rerunValue = rerun.Remember(request.CommandText);
        if (agents.Count == 0)
        {
            await AnswerWithoutAgentsAsync(context, request, pasted, findings, rerunValue, cancellationToken);
            return;
        }

        await AnswerWithAgentsAsync(context, request, pasted, findings, agents, rerunValue, cancellationToken);
    }

    /// <summary>The engine's diagnosis of the pasted lines (records and findings), or null when nothing was pasted or the engine failed.</summary>
    private static Diagnosis? Analyze(string? pasted, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(pasted))
        {
            return null;
        }

        try
        {
            var text = pasted.Length > PasteDetector.MaxChars ? pasted[..PasteDetector.MaxChars] : pasted;
            return DiagnosisEngine.Analyze(text);
        }
        catch (Exception ex)
        {
            // The engine promises not to throw on bad input; if it does, say so instead of answering nothing.
            error = ex.Message;
            return null;
        }
    }

    private async Task<IReadOnlyList<AgentInfo>> SelectAgentsAsync(DiagnosisRequest request, List<Finding> findings, CancellationToken cancellationToken)
    {
        var selection = new AgentSelection(
            request.ExplicitHosts,
            request.Target,
            [.. findings.SelectMany(f => f.Servers.Concat(f.Hosts)).Distinct(StringComparer.OrdinalIgnoreCase)],
            [.. findings.Select(f => f.Target).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)]);
        if (selection.IsEmpty)
        {
            return [];
        }

        var all = await directory.ListAsync(cancellationToken);
        return [.. AgentSelector.Select(all, selection).Take(dispatchOptions.Value.MaxAgents)];
    }

    private async Task AnswerWithoutAgentsAsync(CommandContext context, DiagnosisRequest request, Diagnosis? pasted, List<Finding> findings, string rerunValue, CancellationToken cancellationToken)
    {
        if (request.PastedText is null)
        {
            var hosts = request.ExplicitHosts.Count > 0 ? string.Join(", ", request.ExplicitHosts) : request.Target;
            await context.Replier.PostAsync(context.Thread, ChatReply.Plain(
                $"No host agent reports for `{hosts}`. `/502 agents` lists the hosts that do; or paste the nginx error-log lines after `/502`."), cancellationToken);
            return;
        }

        var incidentId = await RecordAsync(context, request, pasted, findings, [], cancellationToken);
        var note = "No host agent matched these lines' sites or upstreams; this answer rests on the pasted lines alone.";
        var reply = AnswerComposer.ForFindings(request.Title, findings, new AnswerButtons(rerunValue, incidentId), [note]);
        await context.Replier.PostAsync(context.Thread, reply, cancellationToken);
    }

    private async Task AnswerWithAgentsAsync(
        CommandContext context, DiagnosisRequest request, Diagnosis? pasted, List<Finding> findings, IReadOnlyList<AgentInfo> agents, string rerunValue, CancellationToken cancellationToken)
    {
        var pending = new DispatchProgress([.. agents.Select(a => new HostOutcome(a.Host, HostOutcomeKind.Pending, null, null, TimeSpan.Zero))], false);
        var early = new AnswerButtons(rerunValue, null);
        var summary = await context.Replier.PostAsync(context.Thread, AnswerComposer.ForDispatch(request.Title, findings, pending, early), cancellationToken);
        var agentRequest = new AgentRequest(request.Target, request.PastedText, Guid.NewGuid().ToString("N"));
        var final = await fanOut.RunAsync(agents, agentRequest, async (progress, ct) =>
        {
            if (!progress.Complete)
            {
                await UpdateProgressAsync(context, summary, AnswerComposer.ForDispatch(request.Title, findings, progress, early), ct);
            }
        }, cancellationToken);
        var hostFindings = final.Hosts.SelectMany(h => h.Diagnosis?.Findings ?? []).ToList();
        var incidentId = await RecordAsync(context, request, pasted, [.. findings, .. hostFindings], final.Hosts, cancellationToken);
        var reply = AnswerComposer.ForDispatch(request.Title, findings, final, new AnswerButtons(rerunValue, incidentId));
        await context.Replier.UpdateAsync(summary, reply, cancellationToken);
    }

    /// <summary>
    /// A progress edit is a courtesy: when it fails (Slack's rate limit past the client's longest wait, a dropped
    /// connection), the hosts' answers still come in and the final answer is still sent.
    /// </summary>
    private async Task UpdateProgressAsync(CommandContext context, ChatMessageRef summary, ChatReply reply, CancellationToken cancellationToken)
    {
        try
        {
            await context.Replier.UpdateAsync(summary, reply, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // An HTTP time-out is a TaskCanceledException too: only our own cancellation (shutdown) ends the work here.
            LogProgressEditFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "A progress edit of a diagnosis failed; the final answer follows")]
    private static partial void LogProgressEditFailed(ILogger logger, Exception exception);

    /// <summary>
    /// Files the answer with incidents: the pasted lines' records (their log times) with every finding, the hosts that
    /// were asked and what each agent answered (probe facts). The time is the chat message's own, when the channel says.
    /// </summary>
    private async Task<string?> RecordAsync(
        CommandContext context, DiagnosisRequest request, Diagnosis? pasted, List<Finding> findings, IReadOnlyList<HostOutcome> hosts, CancellationToken cancellationToken)
    {
        if (findings.Count == 0)
        {
            return null;
        }

        var top = findings[0];
        var observation = new IncidentObservation(context.Thread, context.Message.User, top.RootCause, top.Target ?? request.Target,
            [.. hosts.Select(h => h.Host)], [.. findings.SelectMany(f => f.Servers).Distinct(StringComparer.OrdinalIgnoreCase)], top.Summary,
            context.Message.SentAt ?? time.GetUtcNow(), context.Message.DeliveryKey)
        {
            Diagnosis = new Diagnosis { Records = pasted?.Records ?? [], Findings = findings },
            AgentAnswers = [.. hosts.Select(h => h.Diagnosis).OfType<AgentDiagnosis>()],
        };
        return await incidents.RecordAnswerAsync(observation, cancellationToken);
    }
}
