using System.Text.Json.Nodes;
using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Bot.Commands;
using Nginx502Bot.Bot.Slack;
using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Bot.Tests.Infrastructure;

namespace Nginx502Bot.Bot.Tests.Slack;

public class SlackBlockKitRendererTests
{
    private static IEnumerable<string> Texts(JsonArray blocks) =>
        blocks.SelectMany(b => new[] { b!["text"]?["text"]?.GetValue<string>() }
            .Concat(b!["fields"]?.AsArray().Select(f => f!["text"]!.GetValue<string>()) ?? [])
            .Concat(b!["elements"]?.AsArray().Select(e => e!["text"] is JsonObject o ? o["text"]!.GetValue<string>() : e!["text"]?.GetValue<string>()) ?? []))
        .OfType<string>();

    [Fact]
    public void HundredsOfParts_StayWithin50Blocks_ButtonsLast_RestAttached()
    {
        var parts = Enumerable.Range(0, 200).Select(i => (ReplyPart)new ReplyParagraph($"host web{i}: no upstream error")).ToList();
        parts.Add(new AnswerButtons("again", "42").ToPart());

        var rendered = SlackBlockKitRenderer.Render(new ChatReply("summary", parts));

        Assert.True(rendered.Blocks.Count <= SlackLimits.BlocksPerMessage);
        Assert.Equal("actions", rendered.Blocks[^1]!["type"]!.GetValue<string>());
        var more = Assert.Single(rendered.Files, f => f.FileName == "more.txt");
        Assert.Contains("host web199", more.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void LongCode_CutAtLineBoundaryUnder3000_FullTextAttached()
    {
        var lines = Enumerable.Range(1, 400).Select(i => $"2026/11/21 13:58:{i % 60:D2} [error] 1#1: *{i} connect() failed (111: Connection refused)").ToList();

        var rendered = SlackBlockKitRenderer.Render(new ChatReply("x", [new ReplyCode("Evidence", lines)]));

        var text = rendered.Blocks[0]!["text"]!["text"]!.GetValue<string>();
        Assert.True(text.Length <= SlackLimits.SectionText);
        Assert.Contains("more lines in the attached evidence.txt", text, StringComparison.Ordinal);
        Assert.Equal(string.Join('\n', lines), Assert.Single(rendered.Files).Content);
    }

    [Fact]
    public void EveryTextElement_WithinSlackLimits()
    {
        var huge = new string('x', 10_000);
        var reply = new ChatReply(huge,
        [
            new ReplyHeading(huge),
            new ReplyParagraph(huge),
            new ReplyFields([.. Enumerable.Range(0, 15).Select(i => new KeyValuePair<string, string>($"k{i}", huge))]),
            new ReplyContext(huge),
            new ReplyCode(null, [huge]),
            new ReplyButtons([new ReplyButton("rerun", huge, huge)]),
        ]);

        var rendered = SlackBlockKitRenderer.Render(reply);

        Assert.True(rendered.Text.Length <= SlackLimits.FallbackText);
        Assert.True(rendered.Blocks[0]!["text"]!["text"]!.GetValue<string>().Length <= SlackLimits.HeaderText);
        Assert.All(Texts(rendered.Blocks), t => Assert.True(t.Length <= SlackLimits.SectionText, $"text of {t.Length} chars"));
        Assert.True(rendered.Blocks[2]!["fields"]!.AsArray().Count <= SlackLimits.FieldsPerSection);
        Assert.All(rendered.Blocks[2]!["fields"]!.AsArray(), f => Assert.True(f!["text"]!.GetValue<string>().Length <= SlackLimits.FieldText));
        var button = rendered.Blocks[^1]!["elements"]![0]!;
        Assert.True(button["text"]!["text"]!.GetValue<string>().Length <= SlackLimits.ButtonText);
        Assert.True(button["value"]!.GetValue<string>().Length <= SlackLimits.ButtonValue);
    }

    [Fact]
    public void UserText_IsEscapedForMrkdwn()
    {
        var rendered = SlackBlockKitRenderer.Render(ChatReply.Plain("<!channel> & <@U1>"));

        Assert.Equal("&lt;!channel&gt; &amp; &lt;@U1&gt;", rendered.Blocks[0]!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void DiagnosisAnswer_HasRootCauseStatusEvidenceFixConfidenceAndButtons()
    {
        var findings = DiagnosisEngine.Analyze(NginxLines.Refused).Findings;
        var reply = AnswerComposer.ForFindings("502 diagnosis", findings, new AnswerButtons("rerun-text", "17"), []);

        var rendered = SlackBlockKitRenderer.Render(reply);
        var all = string.Join('\n', Texts(rendered.Blocks));

        Assert.Contains("*Root cause:* `upstream_down`", all, StringComparison.Ordinal);
        Assert.Contains("502 ×1", all, StringComparison.Ordinal);
        Assert.Contains("2026-11-21 13:58:01", all, StringComparison.Ordinal);
        Assert.Contains("line 1: ", all, StringComparison.Ordinal);
        Assert.Contains("*Fix*\n```", all, StringComparison.Ordinal);
        Assert.Contains("*Confidence*", all, StringComparison.Ordinal);
        var buttons = rendered.Blocks[^1]!["elements"]!.AsArray().Select(b => b!["action_id"]!.GetValue<string>());
        Assert.Equal([ChatActionIds.Rerun, ChatActionIds.Resolve, ChatActionIds.Timeline], buttons);
    }
}
