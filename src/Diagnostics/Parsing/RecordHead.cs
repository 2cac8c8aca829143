namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// The head of a record body (<c>MESSAGE (ERRNO: TEXT) while ACTION</c>, up to <c>, client: </c>) as parsed once. Records
/// whose heads are the same text share one instance (see <see cref="BodyMemo"/>), so what follows from the message,
/// errno and action alone (the verdict, their JSON) can be kept per head and found by reference instead of by comparing
/// text again.
/// </summary>
public sealed class RecordHead
{
    private static int _count;

    private readonly Segment _message;
    private readonly int _errnoNumber;
    private readonly Segment _errnoText;
    private readonly Errno _errno;
    private readonly Segment _action;

    /// <summary>Keeps the parse of <paramref name="text"/>, which starts at <paramref name="start"/> in the record.</summary>
    internal RecordHead(string text, int start, in NginxLine line)
    {
        Text = text;
        Id = Interlocked.Increment(ref _count);
        _message = Relative(line.Message, start);
        _errnoNumber = line.ErrnoNumber;
        _errnoText = Relative(line.ErrnoText, start);
        _errno = line.Errno;
        _action = Relative(line.Action, start);
    }

    /// <summary>The head's text.</summary>
    public string Text { get; }

    /// <summary>A number no other head of this process has: a cheap hash for tables keyed by head.</summary>
    public int Id { get; }

    /// <summary>Fills the head's parts of a record whose head starts at <paramref name="start"/>.</summary>
    internal void ApplyTo(int start, ref NginxLine line)
    {
        line.Message = Absolute(_message, start);
        line.ErrnoNumber = _errnoNumber;
        line.ErrnoText = Absolute(_errnoText, start);
        line.Errno = _errno;
        line.Action = Absolute(_action, start);
        line.Head = this;
    }

    private static Segment Relative(Segment segment, int start) => segment.IsPresent ? segment with { Start = segment.Start - start } : segment;

    private static Segment Absolute(Segment segment, int start) => segment.IsPresent ? segment with { Start = segment.Start + start } : segment;
}
