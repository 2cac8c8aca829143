using System.Net;
using System.Text;

namespace Nginx502Bot.Incidents.Pages;

/// <summary>Shared page chrome. Everything from the database or chat is HTML-encoded through <see cref="E"/>.</summary>
internal static class Html
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:2rem;max-width:960px;color:#222}
        table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;vertical-align:top}
        .status-open{color:#c0392b}.status-mitigated{color:#d68910}.status-resolved{color:#1e8449}
        .pinned{background:#fff8e1}code,pre{background:#f4f4f4}pre{padding:.5rem;overflow-x:auto}
        """;

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static StringBuilder Begin(string title)
    {
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title))
            .Append("</title><style>").Append(Style).Append("</style></head><body><h1>").Append(E(title)).Append("</h1>");
        return html;
    }

    public static string End(StringBuilder html) => html.Append("</body></html>").ToString();
}
