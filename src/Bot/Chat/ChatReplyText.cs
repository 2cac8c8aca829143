using System.Text;

namespace Nginx502Bot.Bot.Chat;

/// <summary>Plain-text form of reply parts: for folded overflow attachments and channels with no rich format.</summary>
public static class ChatReplyText
{
    public static string Render(IEnumerable<ReplyPart> parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            AppendPart(text, part);
        }

        return text.ToString().TrimEnd();
    }

    private static void AppendPart(StringBuilder text, ReplyPart part)
    {
        switch (part)
        {
            case ReplyHeading h: text.Append("# ").AppendLine(h.Text); break;
            case ReplyParagraph p: text.AppendLine(p.Text); break;
            case ReplyFields f: text.AppendLine(string.Join("  |  ", f.Fields.Select(kv => $"{kv.Key}: {kv.Value}"))); break;
            case ReplyCode c:
                if (c.Caption is not null)
                {
                    text.Append(c.Caption).AppendLine(":");
                }

                foreach (var line in c.Lines)
                {
                    text.Append("    ").AppendLine(line);
                }

                break;
            case ReplyContext c: text.AppendLine(c.Text); break;
            case ReplyDivider: text.AppendLine("----"); break;
            case ReplyAttachment a: text.Append("[attached: ").Append(a.Title).AppendLine("]"); break;
            default: break;
        }
    }
}
