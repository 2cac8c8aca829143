using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Nginx502Bot.Bot.Chat;

namespace Nginx502Bot.Bot.Teams;

/// <summary>
/// Renders a <see cref="ChatReply"/> as a Bot Framework message activity: an Adaptive Card (1.4) for rich answers,
/// markdown text for plain ones. Text goes into <c>RichTextBlock</c> runs, not markdown, so log lines keep their
/// <c>*</c> and <c>_</c>; commands and evidence are monospace runs. Buttons become <c>Action.Execute</c> with the
/// verb set to the <see cref="ChatActionIds"/> value; folded evidence is a hidden container with a toggle.
/// The whole activity stays under <see cref="TeamsLimits.ActivityBytes"/>: long code is cut at a line boundary,
/// folded text is capped, and parts that still do not fit are dropped with a note saying so.
/// </summary>
public static partial class TeamsAdaptiveCardRenderer
{
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";
    private const int NoteReserve = 400;

    /// <summary>The activity to post or put (type, summary, and either text or the card attachment).</summary>
    public static JsonObject Render(ChatReply reply)
    {
        var summary = Truncate(reply.Text, TeamsLimits.SummaryChars);
        if (reply.Parts.All(p => p is ReplyParagraph or ReplyContext))
        {
            var text = string.Join("\n\n", reply.Parts.Select(p => Markdown(p is ReplyParagraph para ? para.Text : ((ReplyContext)p).Text)));
            return new JsonObject { ["type"] = "message", ["textFormat"] = "markdown", ["text"] = Truncate(text, TeamsLimits.ActivityBytes / 4), ["summary"] = summary };
        }

        return CardActivity(summary, Card(reply, summary));
    }

    /// <summary>The Adaptive Card alone, fitted to the size limit together with its activity envelope.</summary>
    public static JsonObject Card(ChatReply reply, string summary)
    {
        var body = new List<JsonObject>();
        var actions = new List<JsonObject>();
        var toggles = new List<JsonObject>();
        var separate = false;
        foreach (var part in reply.Parts)
        {
            if (part is ReplyDivider)
            {
                separate = true;
                continue;
            }

            if (part is ReplyButtons buttons)
            {
                actions.AddRange(buttons.Buttons.Select(Execute));
                continue;
            }

            var element = Element(part, body.Count);
            if (element["toggle"] is JsonObject toggle)
            {
                element.Remove("toggle");
                toggles.Add(toggle);
            }

            if (separate)
            {
                element["separator"] = true;
                element["spacing"] = "Medium";
                separate = false;
            }

            body.Add(element);
        }

        return Fit(body, [.. actions, .. toggles], summary);
    }

    private static JsonObject CardActivity(string summary, JsonObject card) => new()
    {
        ["type"] = "message",
        ["summary"] = summary,
        ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = CardContentType, ["content"] = card }),
    };

    private static JsonObject NewCard(IEnumerable<JsonObject> body, IEnumerable<JsonObject> actions) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.4",
        ["msteams"] = new JsonObject { ["width"] = "Full" },
        ["body"] = new JsonArray([.. body.Select(e => (JsonNode)e.DeepClone())]),
        ["actions"] = new JsonArray([.. actions.Select(a => (JsonNode)a.DeepClone())]),
    };

    /// <summary>Keeps body parts in order while the activity fits; folded evidence is dropped first, then the tail.</summary>
    private static JsonObject Fit(List<JsonObject> body, List<JsonObject> actions, string summary)
    {
        var budget = TeamsLimits.ActivityBytes - NoteReserve;
        var used = Bytes(CardActivity(summary, NewCard([], actions)));
        var kept = new List<JsonObject>();
        var dropped = 0;
        foreach (var element in body)
        {
            var cost = Bytes(element) + 1;
            if (dropped == 0 && used + cost <= budget)
            {
                kept.Add(element);
                used += cost;
                continue;
            }

            dropped++;
            if (element["id"]?.GetValue<string>() is { } id)
            {
                actions.RemoveAll(a => a["targetElements"] is JsonArray t && t.Any(x => x?.GetValue<string>() == id));
            }
        }

        if (dropped > 0)
        {
            kept.Add(Text($"{dropped} more parts did not fit in one Teams message (about 28 KB); re-run on the host or ask with fewer lines.", subtle: true));
        }

        return NewCard(kept, actions);
    }

    private static JsonObject Element(ReplyPart part, int index) => part switch
    {
        ReplyHeading h => Rich([Run(h.Text, size: "Large", weight: "Bolder")]),
        ReplyParagraph p => Rich(LightMarkup(p.Text)),
        ReplyFields f => new JsonObject
        {
            ["type"] = "FactSet",
            ["facts"] = new JsonArray([.. f.Fields.Select(kv => (JsonNode)new JsonObject { ["title"] = kv.Key, ["value"] = kv.Value })]),
        },
        ReplyCode c => Code(c),
        ReplyContext c => Text(c.Text, subtle: true),
        ReplyAttachment a => Folded(a, index),
        _ => Text(""),
    };

    /// <summary>A caption and monospace lines in an emphasis container; cut at a line boundary with a count of what was left out.</summary>
    private static JsonObject Code(ReplyCode code)
    {
        var kept = new StringBuilder();
        var count = 0;
        foreach (var line in code.Lines.Select(l => Truncate(l, TeamsLimits.LineChars)))
        {
            if (kept.Length + line.Length + 1 > TeamsLimits.CodeChars)
            {
                break;
            }

            kept.Append(line).Append('\n');
            count++;
        }

        var items = new JsonArray();
        if (code.Caption is not null)
        {
            items.Add(Rich([Run(code.Caption, weight: "Bolder")]));
        }

        items.Add(Rich([Run(kept.ToString().TrimEnd('\n'), monospace: true)]));
        if (count < code.Lines.Count)
        {
            items.Add(Text($"{code.Lines.Count - count} more lines not shown", subtle: true));
        }

        return new JsonObject { ["type"] = "Container", ["style"] = "emphasis", ["items"] = items };
    }

    /// <summary>Full evidence, hidden until "Show …" is pressed (Teams bots cannot attach files to channel messages without Graph).</summary>
    private static JsonObject Folded(ReplyAttachment attachment, int index)
    {
        var text = attachment.Content;
        if (text.Length > TeamsLimits.FoldedChars)
        {
            var cut = text.LastIndexOf('\n', TeamsLimits.FoldedChars - 1);
            text = text[..(cut > 0 ? cut : TeamsLimits.FoldedChars)] + "\n…";
        }

        var id = $"folded{index}";
        return new JsonObject
        {
            ["type"] = "Container",
            ["id"] = id,
            ["isVisible"] = false,
            ["style"] = "emphasis",
            ["items"] = new JsonArray(Rich([Run(attachment.Title, weight: "Bolder")]), Rich([Run(text, monospace: true)])),
            ["toggle"] = new JsonObject { ["type"] = "Action.ToggleVisibility", ["title"] = "Show " + attachment.Title.ToLowerInvariant(), ["targetElements"] = new JsonArray(id) },
        };
    }

    /// <summary>Action.Execute (an <c>adaptiveCard/action</c> invoke); clients without Universal Actions fall back to Action.Submit (a message with the same data).</summary>
    private static JsonObject Execute(ReplyButton button) => new()
    {
        ["type"] = "Action.Execute",
        ["title"] = button.Text,
        ["verb"] = button.ActionId,
        ["data"] = ActionData(button),
        ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = button.Text, ["data"] = ActionData(button) },
    };

    private static JsonObject ActionData(ReplyButton button) => new() { ["action"] = button.ActionId, ["value"] = button.Value };

    private static JsonObject Text(string text, bool subtle = false) => Rich([Run(text, size: subtle ? "Small" : null, subtle: subtle)]);

    private static JsonObject Rich(IEnumerable<JsonObject> runs) => new() { ["type"] = "RichTextBlock", ["inlines"] = new JsonArray([.. runs]) };

    private static JsonObject Run(string text, string? size = null, string? weight = null, bool monospace = false, bool subtle = false)
    {
        var run = new JsonObject { ["type"] = "TextRun", ["text"] = text.Length == 0 ? " " : text };
        if (size is not null)
        {
            run["size"] = size;
        }

        if (weight is not null)
        {
            run["weight"] = weight;
        }

        if (monospace)
        {
            run["fontType"] = "Monospace";
        }

        if (subtle)
        {
            run["isSubtle"] = true;
        }

        return run;
    }

    /// <summary><c>*bold*</c> and <c>`code`</c> as runs; everything else verbatim.</summary>
    private static List<JsonObject> LightMarkup(string text)
    {
        var runs = new List<JsonObject>();
        var at = 0;
        foreach (Match match in Markup().Matches(text))
        {
            if (match.Index > at)
            {
                runs.Add(Run(text[at..match.Index]));
            }

            runs.Add(match.Groups["bold"].Success ? Run(match.Groups["bold"].Value, weight: "Bolder") : Run(match.Groups["code"].Value, monospace: true));
            at = match.Index + match.Length;
        }

        if (at < text.Length || runs.Count == 0)
        {
            runs.Add(Run(text[at..]));
        }

        return runs;
    }

    /// <summary>Our light markup to Teams message markdown (<c>*bold*</c> → <c>**bold**</c>; backticks are the same).</summary>
    private static string Markdown(string text) => Markup().Replace(text, m => m.Groups["bold"].Success ? $"**{m.Groups["bold"].Value}**" : m.Value);

    private static int Bytes(JsonNode node) => Encoding.UTF8.GetByteCount(node.ToJsonString());

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    [GeneratedRegex(@"(?<![\w*])\*(?<bold>[^*\n]+)\*(?![\w*])|`(?<code>[^`\n]+)`", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex Markup();
}
