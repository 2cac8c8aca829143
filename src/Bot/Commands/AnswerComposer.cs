using System.Globalization;
using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Bot.Dispatch;
using Nginx502Bot.Diagnostics.Findings;

namespace Nginx502Bot.Bot.Commands;

/// <summary>
/// Turns findings into the channel-neutral answer: root cause in one line, status and since when, evidence,
/// remediation as paste-ready commands, confidence, buttons. Channels only decide how it looks.
/// </summary>
public static class AnswerComposer
{
    /// <summary>Findings shown in full; the rest get one line each (the attachment has everything).</summary>
    public const int FullFindings = 3;

    /// <summary>Evidence records shown inline per finding; the attachment has them all.</summary>
    public const int InlineEvidence = 5;

    public static ChatReply ForFindings(string title, IReadOnlyList<Finding> findings, AnswerButtons buttons, IReadOnlyList<string> notes)
    {
        var parts = new List<ReplyPart>();
        if (findings.Count == 0)
        {
            parts.Add(new ReplyParagraph("*No upstream error found.* None of these lines says why nginx answered 502; paste the `error.log` lines around the failing request."));
        }

        foreach (var finding in findings.Take(FullFindings))
        {
            AddFinding(parts, finding);
        }

        foreach (var finding in findings.Skip(FullFindings))
        {
            parts.Add(new ReplyContext($"Also: `{finding.RootCause}`: {Headline(finding)} ({finding.Count} records)"));
        }

        AddAttachment(parts, findings);
        parts.AddRange(notes.Select(n => new ReplyContext(n)));
        parts.Add(buttons.ToPart());
        var text = findings.Count == 0 ? $"{title}: no upstream error found" : $"{title}: {findings[0].RootCause}: {Headline(findings[0])}";
        return new ChatReply(text, [new ReplyHeading(title), .. parts]);
    }

    /// <summary>The fan-out answer: lines-based findings first, then one section per host, partial results said plainly.</summary>
    public static ChatReply ForDispatch(string title, IReadOnlyList<Finding> pasted, DispatchProgress progress, AnswerButtons buttons)
    {
        var reply = ForFindings(title, pasted, buttons, []);
        var parts = reply.Parts.Take(reply.Parts.Count - 1).Where(p => pasted.Count > 0 || p is ReplyHeading).ToList();
        parts.Add(new ReplyContext(ProgressLine(progress)));
        foreach (var host in progress.Hosts)
        {
            parts.Add(new ReplyDivider());
            AddHost(parts, host);
        }

        parts.Add(buttons.ToPart());
        var established = Established(pasted, progress);
        if (established is var (where, finding))
        {
            // Host evidence decided: that root cause and its exact fix lead the answer, above the line-level reading.
            parts.Insert(1, new ReplyParagraph($"*Root cause (established on {where}):* `{finding.RootCause}`: {Headline(finding)}"));
            if (finding.Remediation.Count > 0)
            {
                parts.Insert(2, new ReplyCode("Fix", finding.Remediation));
            }
        }

        var root = established?.Finding ?? pasted.Concat(progress.Hosts.SelectMany(h => h.Diagnosis?.Findings ?? [])).FirstOrDefault();
        var text = root is null ? $"{title}: {ProgressLine(progress)}" : $"{title}: {root.RootCause}: {Headline(root)}";
        return new ChatReply(text, parts);
    }

    /// <summary>
    /// The first host finding whose root cause the host's evidence refined (root cause differs from the line-level
    /// cause), preferring one about a target the pasted lines name.
    /// </summary>
    private static (string Host, Finding Finding)? Established(IReadOnlyList<Finding> pasted, DispatchProgress progress)
    {
        var refined = progress.Hosts
            .SelectMany(h => (h.Diagnosis?.Findings ?? []).Select(f => (h.Host, Finding: f)))
            .Where(x => x.Finding.RootCause != x.Finding.Cause)
            .ToList();
        var targets = pasted.Select(f => f.Target).Where(t => t is not null).ToHashSet(StringComparer.Ordinal);
        return refined.Where(x => targets.Contains(x.Finding.Target)).Cast<(string, Finding)?>().FirstOrDefault()
            ?? refined.Cast<(string, Finding)?>().FirstOrDefault();
    }

    /// <summary>"3 of 4 hosts answered…", or the final count with who did not answer.</summary>
    public static string ProgressLine(DispatchProgress progress)
    {
        var total = progress.Hosts.Count;
        if (!progress.Complete)
        {
            return $"{progress.Finished} of {total} hosts answered…";
        }

        var missing = progress.Hosts.Where(h => h.Kind != HostOutcomeKind.Answered).Select(h => h.Host).ToList();
        return missing.Count == 0
            ? (total == 1 ? "The host answered." : $"All {total} hosts answered.")
            : $"Partial result: {progress.Answered} of {total} hosts answered; no answer from {string.Join(", ", missing)}.";
    }

    private static void AddHost(List<ReplyPart> parts, HostOutcome host)
    {
        switch (host.Kind)
        {
            case HostOutcomeKind.Pending:
                parts.Add(new ReplyParagraph($"*{host.Host}*: waiting…"));
                break;
            case HostOutcomeKind.TimedOut or HostOutcomeKind.Failed:
                parts.Add(new ReplyParagraph($"*{host.Host}*: {(host.Kind == HostOutcomeKind.TimedOut ? "timed out" : "failed")} ({host.Error}). Nothing from this host is in the answer."));
                break;
            default:
                AddAnsweredHost(parts, host);
                break;
        }
    }

    private static void AddAnsweredHost(List<ReplyPart> parts, HostOutcome host)
    {
        var diagnosis = host.Diagnosis!;
        if (diagnosis.Findings.Count == 0)
        {
            parts.Add(new ReplyParagraph($"*{host.Host}*: no upstream error in its logs."));
        }

        foreach (var finding in diagnosis.Findings.Take(FullFindings))
        {
            AddFinding(parts, finding, host.Host);
        }

        if (diagnosis.ProbeFacts.Count > 0)
        {
            parts.Add(new ReplyCode($"Probe facts on {host.Host}", diagnosis.ProbeFacts));
        }
    }

    private static void AddFinding(List<ReplyPart> parts, Finding finding, string? host = null)
    {
        var where = host is null ? "" : $"*{host}*: ";
        parts.Add(new ReplyParagraph($"{where}*Root cause:* `{finding.RootCause}`: {Headline(finding)}"));
        parts.Add(new ReplyFields(Fields(finding)));
        if (finding.Facts.Count > 0 || finding.LikelyCauses.Count > 0)
        {
            var lines = finding.Facts.Select(f => "• " + f).Concat(finding.LikelyCauses.Select(l => "• likely: " + l));
            parts.Add(new ReplyParagraph(string.Join('\n', lines)));
        }

        if (finding.Evidence.Count > 0)
        {
            parts.Add(new ReplyCode("Evidence", [.. finding.Evidence.Take(InlineEvidence).Select(r => $"line {r.Line}: {r.Text}")]));
        }

        if (finding.Remediation.Count > 0)
        {
            parts.Add(new ReplyCode("Fix", finding.Remediation));
        }

        if (finding.ToConfirm.Count > 0)
        {
            parts.Add(new ReplyContext("To confirm on the host: " + string.Join("; ", finding.ToConfirm)));
        }
    }

    private static List<KeyValuePair<string, string>> Fields(Finding finding)
    {
        // A request nginx then tried on another member got that attempt's status: named last, in words.
        var statuses = string.Join(", ", finding.Statuses.OrderBy(s => s.Key == FindingState.Retried).ThenByDescending(s => s.Value)
            .Select(s => $"{(s.Key == FindingState.Retried ? "retried on another member" : s.Key)} ×{s.Value}"));
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Clients saw", statuses.Length == 0 ? "-" : statuses),
            new("Since", Since(finding)),
            new("Confidence", finding.Confidence.ToString().ToLowerInvariant()),
            new("Records", finding.Count.ToString(CultureInfo.InvariantCulture)),
        };
        if (finding.Target is not null)
        {
            fields.Add(new("Upstream", finding.Scheme is null ? finding.Target : $"{finding.Scheme}://{finding.Target}"));
        }

        if (finding.Servers.Count > 0)
        {
            fields.Add(new("Sites", string.Join(", ", finding.Servers) + (finding.MoreServers > 0 ? $" +{finding.MoreServers}" : "")));
        }

        return fields;
    }

    private static string Since(Finding finding) => (finding.FirstSeen, finding.LastSeen) switch
    {
        (null, _) => "unknown (no timestamps)",
        ({ } first, { } last) when last > first => $"{first:yyyy-MM-dd HH:mm:ss} → {last:HH:mm:ss}",
        ({ } first, _) => $"{first:yyyy-MM-dd HH:mm:ss}",
    };

    private static void AddAttachment(List<ReplyPart> parts, IReadOnlyList<Finding> findings)
    {
        var evidence = findings.Sum(f => f.Evidence.Count);
        if (findings.Count <= FullFindings && findings.All(f => f.Evidence.Count <= InlineEvidence))
        {
            return;
        }

        var lines = findings.SelectMany(f => new[] { $"## {f.RootCause}: {Headline(f)}" }
            .Concat(f.Evidence.Select(r => $"line {r.Line}: {r.Text}"))
            .Concat(f.Remediation.Select(r => "fix: " + r))
            .Append(""));
        parts.Add(new ReplyAttachment("502-evidence.txt", $"Full evidence ({evidence} records)", string.Join('\n', lines)));
    }

    /// <summary>The summary without a leading "root_cause: " (the answer shows the id itself).</summary>
    public static string Headline(Finding finding) =>
        finding.Summary.StartsWith(finding.RootCause + ": ", StringComparison.Ordinal) ? finding.Summary[(finding.RootCause.Length + 2)..] : finding.Summary;
}
