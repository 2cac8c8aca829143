using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Nginx502Bot.Bot.Chat;

namespace Nginx502Bot.Bot.LocalConsole;

/// <summary>
/// Renders a <see cref="ChatReply"/> as an HTML fragment; every text is encoded, only *bold*, `code` and http(s) URLs
/// (the signed incident links) become tags.
/// </summary>
public static partial class HtmlReplyRenderer
{
    public static string Render(ChatReply reply, string messageId)
    {
        var html = new StringBuilder();
        foreach (var part in reply.Parts)
        {
            AppendPart(html, part, messageId);
        }

        return html.ToString();
    }

    private static void AppendPart(StringBuilder html, ReplyPart part, string messageId)
    {
        switch (part)
        {
            case ReplyHeading h: html.Append("<h3>").Append(Encode(h.Text)).Append("</h3>"); break;
            case ReplyParagraph p: html.Append("<p>").Append(Markup(p.Text)).Append("</p>"); break;
            case ReplyFields f:
                html.Append("<dl class=\"fields\">");
                foreach (var (key, value) in f.Fields)
                {
                    html.Append("<dt>").Append(Encode(key)).Append("</dt><dd>").Append(Encode(value)).Append("</dd>");
                }

                html.Append("</dl>");
                break;
            case ReplyCode c:
                if (c.Caption is not null)
                {
                    html.Append("<div class=\"caption\">").Append(Encode(c.Caption)).Append("</div>");
                }

                html.Append("<pre>").Append(Encode(string.Join('\n', c.Lines))).Append("</pre>");
                break;
            case ReplyContext c: html.Append("<p class=\"context\">").Append(Markup(c.Text)).Append("</p>"); break;
            case ReplyDivider: html.Append("<hr>"); break;
            case ReplyAttachment a:
                html.Append("<details><summary>").Append(Encode(a.Title)).Append("</summary><pre>").Append(Encode(a.Content)).Append("</pre></details>");
                break;
            case ReplyButtons b:
                html.Append("<div class=\"buttons\">");
                foreach (var button in b.Buttons)
                {
                    html.Append("<button type=\"button\" data-message=\"").Append(Encode(messageId)).Append("\" data-action=\"").Append(Encode(button.ActionId))
                        .Append("\" data-value=\"").Append(Encode(button.Value)).Append("\">").Append(Encode(button.Text)).Append("</button>");
                }

                html.Append("</div>");
                break;
            default: break;
        }
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    private static string Markup(string text)
    {
        var encoded = Encode(text).Replace("&#xA;", "<br>");
        encoded = Code().Replace(encoded, "<code>$1</code>");
        encoded = Bold().Replace(encoded, "<strong>$1</strong>");
        // The URL is already HTML-encoded (&amp;), which is exactly what an href attribute wants.
        return Url().Replace(encoded, "<a href=\"$0\">$0</a>");
    }

    /// <summary>Runs on encoded text: an entity other than <c>&amp;amp;</c> (a quote, say) ends the URL.</summary>
    [GeneratedRegex(@"https?://(?:[^\s<>""`&]|&amp;)*[^\s<>""`&.,;:)]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex Url();

    [GeneratedRegex(@"`([^`]+)`", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex Code();

    [GeneratedRegex(@"\*([^*\n]+)\*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex Bold();
}
