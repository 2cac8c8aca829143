using Nginx502Bot.Diagnostics.Vocabulary;
using V1 = Nginx502Bot.Agent.Contract.V1;

namespace Nginx502Bot.Agent.Service;

/// <summary>A resolved finding → <see cref="V1.Finding"/>: structured facts from the resolution, the engine's own facts as plain text.</summary>
public static class FindingProtoMapper
{
    public static V1.Finding ToProto(ResolvedFinding resolved)
    {
        var (f, r) = (resolved.Finding, resolved.Resolution);
        var m = new V1.Finding
        {
            Cause = f.Cause, RootCause = f.RootCause, Target = f.Target ?? "", Scheme = f.Scheme ?? "", Count = f.Count,
            Confidence = Confidence(f.Confidence), Summary = f.Summary,
            FirstSeen = EvidenceProtoMapper.Time(f.FirstSeen), LastSeen = EvidenceProtoMapper.Time(f.LastSeen),
        };
        var structured = r.Rule is null ? [] : r.Facts.Select(x => new V1.Fact
        {
            Text = x.Text, Source = EvidenceProtoMapper.Source(x.Probe, x.Location) ?? new V1.SourceRef { Probe = x.Probe },
        }).ToArray();
        var engineFacts = f.Facts.Take(f.Facts.Count - structured.Length).Select(t => new V1.Fact { Text = t, Source = new V1.SourceRef { Probe = "engine" } });
        m.Facts.AddRange(engineFacts.Concat(structured));
        m.LikelyCauses.AddRange(f.LikelyCauses);
        m.Remediation.AddRange(f.Remediation);
        m.ToConfirm.AddRange(f.ToConfirm);
        m.Servers.AddRange(f.Servers);
        foreach (var (status, count) in f.Statuses) { m.Statuses[status] = count; }
        return m;
    }

    public static V1.Confidence Confidence(Confidence c) => c switch
    {
        Diagnostics.Vocabulary.Confidence.High => V1.Confidence.High,
        Diagnostics.Vocabulary.Confidence.Medium => V1.Confidence.Medium,
        _ => V1.Confidence.Low,
    };
}
