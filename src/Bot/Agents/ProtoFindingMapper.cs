using System.Globalization;
using Nginx502Bot.Diagnostics.Findings;
using Nginx502Bot.Diagnostics.Vocabulary;
using V1 = Nginx502Bot.Agent.Contract.V1;

namespace Nginx502Bot.Bot.Agents;

/// <summary>Agent contract → domain: the wire types stay at this edge.</summary>
public static class ProtoFindingMapper
{
    public static Finding ToFinding(V1.Finding f) => new()
    {
        Cause = f.Cause,
        RootCause = f.RootCause.Length > 0 ? f.RootCause : f.Cause,
        Target = f.Target.Length > 0 ? f.Target : null,
        Scheme = f.Scheme.Length > 0 ? f.Scheme : null,
        Count = f.Count,
        FirstSeen = f.FirstSeen is null ? null : DateTime.SpecifyKind(f.FirstSeen.ToDateTime(), DateTimeKind.Unspecified),
        LastSeen = f.LastSeen is null ? null : DateTime.SpecifyKind(f.LastSeen.ToDateTime(), DateTimeKind.Unspecified),
        Servers = [.. f.Servers],
        Statuses = f.Statuses.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal),
        Confidence = f.Confidence switch
        {
            V1.Confidence.High => Confidence.High,
            V1.Confidence.Medium => Confidence.Medium,
            _ => Confidence.Low,
        },
        Summary = f.Summary,
        Facts = [.. f.Facts.Select(Describe)],
        LikelyCauses = [.. f.LikelyCauses],
        Remediation = [.. f.Remediation],
        ToConfirm = [.. f.ToConfirm],
    };

    /// <summary>Every fact the probes established, with its probe and file:line.</summary>
    public static IReadOnlyList<string> ProbeFacts(V1.Evidence? evidence) =>
        evidence is null ? [] : [.. evidence.Probes.SelectMany(p => p.Facts).Select(Describe)];

    private static string Describe(V1.Fact fact)
    {
        var s = fact.Source;
        if (s is null || (s.File.Length == 0 && s.Probe.Length == 0))
        {
            return fact.Text;
        }

        var where = s.File.Length > 0 ? (s.Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{s.File}:{s.Line}") : s.File) : null;
        return where is null ? $"{fact.Text} [{s.Probe}]" : $"{fact.Text} [{s.Probe}, {where}]";
    }
}
