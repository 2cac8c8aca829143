using System.Text.Json.Nodes;
using Nginx502Bot.Bot.Chat;

namespace Nginx502Bot.Bot.Slack;

/// <summary>
/// Renders a <see cref="ChatReply"/> as Block Kit within Slack's limits. Code that does not fit a section is cut at a
/// line boundary and its full text attached as a file; parts beyond 50 blocks are folded into an attachment, the
/// buttons always stay last.
/// </summary>
public static class SlackBlockKitRenderer
{
    private const string Fence = "```";

    public static SlackRenderedMessage Render(ChatReply reply)
    {
        var blocks = new List<JsonObject>();
        var files = new List<ReplyAttachment>();
        var buttons = reply.Parts.OfType<ReplyButtons>().LastOrDefault();
        var budget = SlackLimits.BlocksPerMessage - (buttons is null ? 0 : 1) - 1;
        var parts = reply.Parts.Where(p => p is not ReplyButtons).ToList();
        for (var i = 0; i < parts.Count; i++)
        {
            if (blocks.Count >= budget)
            {
                Fold(parts.Skip(i).ToList(), blocks, files);
                break;
            }

            AddPart(parts[i], blocks, files);
        }

        if (buttons is not null)
        {
            blocks.Add(Actions(buttons));
        }

        return new SlackRenderedMessage(Truncate(reply.Text, SlackLimits.FallbackText), new JsonArray([.. blocks]), files);
    }

    /// <summary>Escapes the three characters Slack's mrkdwn reserves.</summary>
    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static void AddPart(ReplyPart part, List<JsonObject> blocks, List<ReplyAttachment> files)
    {
        switch (part)
        {
            case ReplyHeading h: blocks.Add(new JsonObject { ["type"] = "header", ["text"] = PlainText(h.Text, SlackLimits.HeaderText) }); break;
            case ReplyParagraph p: blocks.Add(Section(Truncate(Escape(p.Text), SlackLimits.SectionText))); break;
            case ReplyFields f: blocks.Add(Fields(f)); break;
            case ReplyCode c: blocks.Add(Code(c, files)); break;
            case ReplyContext c: blocks.Add(new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(Mrkdwn(Truncate(Escape(c.Text), SlackLimits.SectionText))) }); break;
            case ReplyDivider: blocks.Add(new JsonObject { ["type"] = "divider" }); break;
            case ReplyAttachment a: files.Add(a); break;
            default: break;
        }
    }

    private static JsonObject Code(ReplyCode code, List<ReplyAttachment> files)
    {
        var caption = code.Caption is null ? "" : $"*{Escape(code.Caption)}*\n";
        var room = SlackLimits.SectionText - caption.Length - (Fence.Length * 2) - 2 - 80;
        var kept = new List<string>();
        var used = 0;
        foreach (var line in code.Lines.Select(Escape))
        {
            var cost = Math.Min(line.Length, room) + 1;
            if (used + cost > room)
            {
                break;
            }

            kept.Add(line.Length > room ? line[..room] : line);
            used += cost;
        }

        var body = $"{caption}{Fence}\n{string.Join('\n', kept)}\n{Fence}";
        if (kept.Count < code.Lines.Count)
        {
            var name = $"{Slug(code.Caption ?? "lines")}.txt";
            files.Add(new ReplyAttachment(name, code.Caption ?? "Full text", string.Join('\n', code.Lines)));
            body += $"\n_{code.Lines.Count - kept.Count} more lines in the attached {name}_";
        }

        return Section(body);
    }

    private static void Fold(List<ReplyPart> rest, List<JsonObject> blocks, List<ReplyAttachment> files)
    {
        files.AddRange(rest.OfType<ReplyAttachment>());
        var text = ChatReplyText.Render(rest.Where(p => p is not ReplyAttachment));
        files.Add(new ReplyAttachment("more.txt", "The rest of the answer", text));
        blocks.Add(new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(Mrkdwn($"{rest.Count} more parts did not fit in one message; see the attached more.txt")) });
    }

    private static JsonObject Fields(ReplyFields fields) => new()
    {
        ["type"] = "section",
        ["fields"] = new JsonArray([.. fields.Fields.Take(SlackLimits.FieldsPerSection)
            .Select(kv => (JsonNode)Mrkdwn(Truncate($"*{Escape(kv.Key)}*\n{Escape(kv.Value)}", SlackLimits.FieldText)))]),
    };

    private static JsonObject Actions(ReplyButtons buttons) => new()
    {
        ["type"] = "actions",
        ["block_id"] = "answer_actions",
        ["elements"] = new JsonArray([.. buttons.Buttons.Take(SlackLimits.ActionsElements).Select(b => (JsonNode)Button(b))]),
    };

    private static JsonObject Button(ReplyButton button)
    {
        var element = new JsonObject { ["type"] = "button", ["action_id"] = button.ActionId, ["text"] = PlainText(button.Text, SlackLimits.ButtonText) };
        if (button.Value.Length > 0)
        {
            element["value"] = Truncate(button.Value, SlackLimits.ButtonValue);
        }

        return element;
    }

    private static JsonObject Section(string mrkdwn) => new() { ["type"] = "section", ["text"] = Mrkdwn(mrkdwn) };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text.Length == 0 ? " " : text };

    private static JsonObject PlainText(string text, int max) => new() { ["type"] = "plain_text", ["text"] = Truncate(text, max), ["emoji"] = true };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Slug(string text) =>
        new string([.. text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-') is { Length: > 0 } s ? s : "lines";
}
