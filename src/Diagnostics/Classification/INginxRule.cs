using Nginx502Bot.Diagnostics.Parsing;

namespace Nginx502Bot.Diagnostics.Classification;

/// <summary>One message family of nginx's error log (nginx-502-messages.md §2). The first rule that matches decides.</summary>
public interface INginxRule
{
    bool TryClassify(ReadOnlySpan<char> text, in NginxLine line, out Verdict verdict);
}
