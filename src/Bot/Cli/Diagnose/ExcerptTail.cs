using System.Text;

namespace Nginx502Bot.Bot.Cli.Diagnose;

/// <summary>
/// The newest lines of an input of any size, up to <paramref name="maxChars"/> characters with their newlines: the
/// excerpt sent to a host agent. Memory stays within the limit and one line, however long the input.
/// </summary>
public sealed class ExcerptTail(int maxChars)
{
    private readonly Queue<string> _lines = new();
    private long _chars;

    public void Add(ReadOnlySpan<char> line)
    {
        var kept = line.Length > maxChars ? line[^maxChars..] : line;
        _lines.Enqueue(new string(kept));
        _chars += kept.Length + 1;

        // The oldest line goes once the lines after it hold the whole excerpt.
        while (_chars - (_lines.Peek().Length + 1) >= maxChars)
        {
            _chars -= _lines.Dequeue().Length + 1;
        }
    }

    /// <summary>The kept lines, each ended by a newline, cut at the front to the limit.</summary>
    public override string ToString()
    {
        var text = new StringBuilder((int)Math.Min(_chars, maxChars + 1L));
        foreach (var line in _lines)
        {
            text.Append(line).Append('\n');
        }

        return text.Length <= maxChars ? text.ToString() : text.ToString(text.Length - maxChars, maxChars);
    }
}
