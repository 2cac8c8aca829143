using System.Globalization;
using System.Net;
using System.Text;

namespace Nginx502Bot.Incidents.Postmortems;

/// <summary>An inline SVG bar chart of 502s over time: no script, no external resources.</summary>
public static class SvgChart
{
    private const int Width = 720;
    private const int Height = 200;
    private const int Pad = 30;

    public static string Render(IReadOnlyList<ChartBucket> buckets)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"chart-502\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"502s over time\">");
        svg.Append("<title>502s over time (log timestamps)</title>");
        if (buckets.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Pad}\" y=\"{Height / 2}\">no 502 timestamps recorded</text></svg>");
            return svg.ToString();
        }

        var max = Math.Max(1, buckets.Max(b => b.Count));
        var barWidth = (Width - (2.0 * Pad)) / buckets.Count;
        for (var i = 0; i < buckets.Count; i++)
        {
            var h = (Height - (2.0 * Pad)) * buckets[i].Count / max;
            var x = Pad + (i * barWidth);
            var label = WebUtility.HtmlEncode($"{buckets[i].Start:yyyy-MM-dd HH:mm:ss}Z: {buckets[i].Count}");
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"bar\" x=\"{x:F1}\" y=\"{Height - Pad - h:F1}\" width=\"{Math.Max(1, barWidth - 1):F1}\" height=\"{h:F1}\" fill=\"#c0392b\"><title>{label}</title></rect>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Pad}\" y=\"{Height - 8}\" font-size=\"11\">{buckets[0].Start:HH:mm:ss}Z</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Pad}\" y=\"{Height - 8}\" font-size=\"11\" text-anchor=\"end\">{buckets[^1].Start:HH:mm:ss}Z</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Pad}\" y=\"{Pad - 10}\" font-size=\"11\">max {max} per bucket</text></svg>");
        return svg.ToString();
    }
}
