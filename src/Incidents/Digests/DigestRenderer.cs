using System.Text;
using Nginx502Bot.Incidents.Model;
using Nginx502Bot.Incidents.Postmortems;

namespace Nginx502Bot.Incidents.Digests;

/// <summary>Digest text (Markdown). A period without incidents says so explicitly rather than posting nothing.</summary>
public static class DigestRenderer
{
    public static string Render(Digest d)
    {
        var title = d.Period == DigestPeriod.Daily ? "Daily 502 digest" : "Weekly 502 digest";
        var md = new StringBuilder();
        md.AppendLine($"*{title}* ({Durations.Format(d.From)} – {Durations.Format(d.To)})");
        if (d.IsEmpty)
        {
            return md.AppendLine("No incidents in this period.").ToString();
        }

        md.AppendLine($"Incidents: {d.IncidentCount} ({d.ResolvedCount} resolved, {d.OpenCount} still open)");
        md.AppendLine($"Time to resolve: median {Durations.Format(d.MedianTimeToResolve)}, mean {Durations.Format(d.MeanTimeToResolve)}");
        md.AppendLine("Top root causes: " + Join(d.TopRootCauses));
        md.AppendLine("Noisiest upstreams (502s): " + Join(d.NoisiestUpstreams));
        foreach (var i in d.Incidents)
        {
            md.AppendLine($"• #{i.DisplayId} {DbNames.Of(i.Status)} — {i.Title} ({i.Count502} 502s)");
        }

        return md.ToString();
    }

    private static string Join(IReadOnlyList<CountByKey> items) =>
        items.Count == 0 ? "—" : string.Join(", ", items.Select(c => $"`{c.Key}` {c.Count}"));
}
