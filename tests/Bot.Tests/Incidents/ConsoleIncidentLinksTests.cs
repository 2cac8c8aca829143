using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nginx502Bot.Bot.Tests.Infrastructure;
using static Nginx502Bot.Bot.Tests.Incidents.IncidentTestData;

namespace Nginx502Bot.Bot.Tests.Incidents;

/// <summary>
/// The newcomer's path on the local console (no Slack, local Postgres): paste 502 lines, press Show timeline,
/// follow the signed link to the incident page and from there to the post-mortem page.
/// </summary>
public sealed class ConsoleIncidentLinksTests
{
    [Fact]
    public async Task PastedLines_ShowTimeline_SignedLinksLeadToIncidentAndPostmortemPages()
    {
        await using var db = await TestPostgres.CreateAsync();
        await using var bot = await IncidentBotHost.StartAsync(db, slack: null, IncidentBotHost.NewSigningKey());

        using var sent = await bot.Client.PostAsJsonAsync("/console/send", new { text = "/502 " + PastedLines });
        using var sentJson = JsonDocument.Parse(await sent.Content.ReadAsStringAsync());
        var answer = sentJson.RootElement.EnumerateArray().Last();
        var html = answer.GetProperty("html").GetString()!;
        Assert.Contains("<code>upstream_down</code>", html, StringComparison.Ordinal);
        var incident = WebUtility.HtmlDecode(Regex.Match(html, "data-action=\"timeline\" data-value=\"([^\"]*)\"").Groups[1].Value);
        var number = (long)Assert.Single(await db.QueryAsync("SELECT number FROM incidents"))["number"]!;
        Assert.Equal(number.ToString(System.Globalization.CultureInfo.InvariantCulture), incident);

        using var pressed = await bot.Client.PostAsJsonAsync("/console/action",
            new { messageId = answer.GetProperty("id").GetString(), actionId = "timeline", value = incident });

        using var pressedJson = JsonDocument.Parse(await pressed.Content.ReadAsStringAsync());
        var timeline = pressedJson.RootElement.EnumerateArray().Last().GetProperty("html").GetString()!;
        Assert.Contains("lines_received", timeline, StringComparison.Ordinal);
        var link = WebUtility.HtmlDecode(Regex.Match(timeline, $"<a href=\"([^\"]*/incidents/{number}\\?[^\"]*)\"").Groups[1].Value);
        Assert.StartsWith(bot.Client.BaseAddress!.ToString().TrimEnd('/') + $"/incidents/{number}?exp=", link, StringComparison.Ordinal);
        using var page = await bot.Client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var pageHtml = await page.Content.ReadAsStringAsync();
        Assert.Contains("<svg", pageHtml, StringComparison.Ordinal);
        var postmortem = WebUtility.HtmlDecode(Regex.Match(pageHtml, "id=\"postmortem-link\" href=\"([^\"]*)\"").Groups[1].Value);
        using var postmortemPage = await bot.Client.GetAsync(postmortem);
        Assert.Equal(HttpStatusCode.OK, postmortemPage.StatusCode);
        Assert.Contains($"Post-mortem: incident #{number}", await postmortemPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var tampered = await bot.Client.GetAsync(Tamper(postmortem));
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
    }

    [Fact]
    public async Task ResolveAndNoteFromTheConsole_AreRecordedInTheTimeline()
    {
        await using var db = await TestPostgres.CreateAsync();
        await using var bot = await IncidentBotHost.StartAsync(db, slack: null, IncidentBotHost.NewSigningKey());
        using var sent = await bot.Client.PostAsJsonAsync("/console/send", new { text = PastedLines });
        var number = (long)Assert.Single(await db.QueryAsync("SELECT number FROM incidents"))["number"]!;

        using var note = await bot.Client.PostAsJsonAsync("/console/send", new { text = $"/502 note {number} restarted gunicorn" });
        using var resolve = await bot.Client.PostAsJsonAsync("/console/send", new { text = $"/502 resolve {number}" });

        using var transcript = JsonDocument.Parse(await resolve.Content.ReadAsStringAsync());
        Assert.Contains($"Incident #{number} resolved by you", transcript.RootElement.EnumerateArray().Last().GetProperty("text").GetString()!, StringComparison.Ordinal);
        var kinds = (await db.QueryAsync("SELECT kind FROM timeline_events ORDER BY occurred_at, id")).Select(r => (string)r["kind"]!).ToList();
        Assert.Equal(["note", "status_change"], kinds[^2..]);
        Assert.Equal("resolved", Assert.Single(await db.QueryAsync("SELECT status FROM incidents"))["status"]);
    }
}
