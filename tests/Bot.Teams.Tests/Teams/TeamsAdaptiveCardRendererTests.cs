using System.Text;
using System.Text.Json.Nodes;
using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Bot.Commands;
using Nginx502Bot.Bot.Teams.Tests.Infrastructure;
using Nginx502Bot.Diagnostics.Analysis;

namespace Nginx502Bot.Bot.Teams.Tests.Teams;

/// <summary>The channel-neutral answer as an Adaptive Card, within Teams' payload limit.</summary>
public sealed class TeamsAdaptiveCardRendererTests
{
    [Fact]
    public void EngineAnswer_CardCarriesRootCauseFixAndButtons()
    {
        var findings = DiagnosisEngine.Analyze(LabLines.Read("nothing_listening")).Findings;
        var reply = AnswerComposer.ForFindings("502 diagnosis of the pasted lines", findings, new AnswerButtons("the pasted text", "inc-42"), []);

        var activity = TeamsAdaptiveCardRenderer.Render(reply);

        Assert.Equal("message", activity["type"]!.GetValue<string>());
        var attachment = activity["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        var card = attachment["content"]!.AsObject();
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        var runs = Runs(card);
        Assert.Contains(runs, r => r.Text == findings[0].RootCause && r.Monospace);
        Assert.Contains(runs, r => r.Monospace && r.Text.Contains(findings[0].Remediation[0], StringComparison.Ordinal));
        Assert.Contains(runs, r => r.Monospace && r.Text.Contains(findings[0].Evidence[0].Text, StringComparison.Ordinal));
        var actions = card["actions"]!.AsArray();
        Assert.Equal(["rerun", "resolve", "timeline"], actions.Select(a => a!["verb"]!.GetValue<string>()));
        Assert.All(actions, a => Assert.Equal("Action.Execute", a!["type"]!.GetValue<string>()));
        Assert.Equal("inc-42", actions[1]!["data"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void LogLinesWithMarkdownCharacters_KeptVerbatim()
    {
        const string line = "2026/11/21 14:15:44 [error] 1#1: *2 connect() failed, server: my_site_a, request: \"GET /__x__ HTTP/1.1\"";
        var reply = new ChatReply("t", [new ReplyHeading("h"), new ReplyCode("Evidence", [line])]);

        var runs = Runs(TeamsAdaptiveCardRenderer.Render(reply)["attachments"]![0]!["content"]!.AsObject());

        Assert.Contains(runs, r => r.Monospace && r.Text == line);
    }

    [Fact]
    public void HugeAnswer_StaysUnderTeamsLimit_ButtonsKept_DropSaid()
    {
        var lines = Enumerable.Range(0, 300).Select(i => $"line {i}: " + new string('x', 150)).ToList();
        var parts = new List<ReplyPart> { new ReplyHeading("big") };
        parts.AddRange(Enumerable.Range(0, 20).Select(i => (ReplyPart)new ReplyCode($"Evidence {i}", lines)));
        parts.Add(new ReplyAttachment("502-evidence.txt", "Full evidence", string.Join('\n', lines)));
        parts.Add(new AnswerButtons("x", null).ToPart());

        var activity = TeamsAdaptiveCardRenderer.Render(new ChatReply("big answer", parts));

        Assert.InRange(Encoding.UTF8.GetByteCount(activity.ToJsonString()), 1, TeamsLimits.ActivityBytes);
        var card = activity["attachments"]![0]!["content"]!.AsObject();
        Assert.Equal(3, card["actions"]!.AsArray().Count(a => a!["type"]!.GetValue<string>() == "Action.Execute"));
        Assert.DoesNotContain(card["actions"]!.AsArray(), a => a!["type"]!.GetValue<string>() == "Action.ToggleVisibility");
        var runs = Runs(card);
        Assert.Contains(runs, r => r.Text.Contains("more parts did not fit", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.Text.Contains("more lines not shown", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.Text == "big");
    }

    [Fact]
    public void LongCode_CutAtLineBoundary_HiddenLinesCounted()
    {
        var lines = Enumerable.Range(0, 100).Select(i => $"line {i:D3} " + new string('y', 90)).ToList();

        var runs = Runs(TeamsAdaptiveCardRenderer.Render(new ChatReply("t", [new ReplyCode(null, lines)]))["attachments"]![0]!["content"]!.AsObject());

        var code = runs.Single(r => r.Monospace).Text.Split('\n');
        Assert.InRange(code.Length, 10, 99);
        Assert.Equal(lines.Take(code.Length), code);
        Assert.Contains(runs, r => r.Text == $"{100 - code.Length} more lines not shown");
    }

    [Fact]
    public void FoldedEvidence_HiddenContainerWithToggle()
    {
        var reply = new ChatReply("t", [new ReplyHeading("h"), new ReplyAttachment("502-evidence.txt", "Full evidence (9 records)", "a\nb")]);

        var card = TeamsAdaptiveCardRenderer.Render(reply)["attachments"]![0]!["content"]!.AsObject();

        var folded = card["body"]!.AsArray().Single(e => e!["id"] is not null)!;
        Assert.False(folded["isVisible"]!.GetValue<bool>());
        var toggle = card["actions"]!.AsArray().Single()!;
        Assert.Equal("Action.ToggleVisibility", toggle["type"]!.GetValue<string>());
        Assert.Equal(folded["id"]!.GetValue<string>(), toggle["targetElements"]![0]!.GetValue<string>());
    }

    [Fact]
    public void PlainReply_IsMarkdownText()
    {
        var activity = TeamsAdaptiveCardRenderer.Render(ChatReply.Plain("*Done*: use `502 optin` to undo."));

        Assert.Null(activity["attachments"]);
        Assert.Equal("**Done**: use `502 optin` to undo.", activity["text"]!.GetValue<string>());
    }

    private sealed record TextRunInfo(string Text, bool Monospace);

    private static List<TextRunInfo> Runs(JsonNode node)
    {
        var found = new List<TextRunInfo>();
        Walk(node, found);
        return found;
    }

    private static void Walk(JsonNode? node, List<TextRunInfo> found)
    {
        switch (node)
        {
            case JsonObject o when o["type"]?.GetValue<string>() == "TextRun":
                found.Add(new TextRunInfo(o["text"]!.GetValue<string>(), o["fontType"]?.GetValue<string>() == "Monospace"));
                break;
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    Walk(child, found);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Walk(child, found);
                }

                break;
            default:
                break;
        }
    }
}
