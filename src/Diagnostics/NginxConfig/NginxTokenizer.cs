using System.Text;

namespace Nginx502Bot.Diagnostics.NginxConfig;

/// <summary>
/// Splits nginx configuration text the way ngx_conf_read_token does: whitespace separates words, <c>#</c> starts a
/// comment outside quotes, <c>;</c> <c>{</c> <c>}</c> are their own tokens, single and double quotes group a word and
/// a backslash escapes the next character. Pure; never throws.
/// </summary>
public static class NginxTokenizer
{
    public static IReadOnlyList<NginxToken> Tokenize(string text)
    {
        var tokens = new List<NginxToken>();
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n') { line++; i++; }
            else if (char.IsWhiteSpace(c)) { i++; }
            else if (c == '#') { i = SkipComment(text, i); }
            else if (c is ';' or '{' or '}') { tokens.Add(new NginxToken(Punctuation(c), c.ToString(), line)); i++; }
            else if (c is '"' or '\'') { i = ReadQuoted(text, i, ref line, tokens); }
            else { i = ReadWord(text, i, line, tokens); }
        }

        return tokens;
    }

    private static NginxTokenKind Punctuation(char c) => c switch
    {
        ';' => NginxTokenKind.Semicolon,
        '{' => NginxTokenKind.OpenBrace,
        _ => NginxTokenKind.CloseBrace,
    };

    private static int SkipComment(string text, int i)
    {
        var end = text.IndexOf('\n', i);
        return end < 0 ? text.Length : end;
    }

    private static int ReadQuoted(string text, int i, ref int line, List<NginxToken> tokens)
    {
        var quote = text[i];
        var startLine = line;
        var sb = new StringBuilder();
        i++;
        while (i < text.Length && text[i] != quote)
        {
            if (text[i] == '\\' && i + 1 < text.Length) { i++; sb.Append(Unescape(text[i])); }
            else { sb.Append(text[i]); }

            if (text[i] == '\n') { line++; }
            i++;
        }

        tokens.Add(new NginxToken(NginxTokenKind.Word, sb.ToString(), startLine, Quoted: true));
        return i + 1;
    }

    // nginx keeps unknown escapes as the character itself and turns \t \r \n into their controls.
    private static char Unescape(char c) => c switch
    {
        't' => '\t',
        'r' => '\r',
        'n' => '\n',
        _ => c,
    };

    private static int ReadWord(string text, int i, int line, List<NginxToken> tokens)
    {
        var sb = new StringBuilder();
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c is ';' or '{' or '}') { break; }

            // A variable such as ${name} keeps its braces.
            if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var close = text.IndexOf('}', i);
                if (close > 0) { sb.Append(text, i, close - i + 1); i = close + 1; continue; }
            }

            if (c == '\\' && i + 1 < text.Length) { sb.Append(text[i + 1]); i += 2; continue; }
            sb.Append(c);
            i++;
        }

        tokens.Add(new NginxToken(NginxTokenKind.Word, sb.ToString(), line));
        return i;
    }
}
