using Nginx502Bot.Diagnostics.Parsing;
using Nginx502Bot.Diagnostics.Records;

namespace Nginx502Bot.Diagnostics.Analysis;

/// <summary>A reusable buffer for one record's text (first line plus continuation lines) and its bookkeeping.</summary>
internal sealed class RecordBuffer
{
    private char[] _chars = new char[4096];
    private int _length;
    private int _lastLength;
    private int _firstLineLength;
    private bool? _openFastcgi;

    public bool HasRecord { get; private set; }
    public int Line { get; private set; }
    public int LineCount { get; private set; }
    public DateTime? EnvelopeTime { get; private set; }
    public string? Origin { get; private set; }

    /// <summary>
    /// A FastCGI stderr message not yet closed by its suffix. Worked out only when asked: most lines start a new record,
    /// so the search is skipped for them.
    /// </summary>
    public bool OpenFastcgi => _openFastcgi ??= OpensFastcgi(_chars.AsSpan(0, _firstLineLength));
    public RecordKind Kind { get; private set; }
    public ClassifiedRecord Record;

    public int Length => _length;
    public ReadOnlySpan<char> Text => _chars.AsSpan(0, _length);

    /// <summary>The text of the record just cleared; valid until the next <see cref="Start"/>.</summary>
    public ReadOnlySpan<char> LastText => _chars.AsSpan(0, _lastLength);

    public void Start(int line, ReadOnlySpan<char> content, DateTime? envelopeTime, string? origin)
    {
        HasRecord = true;
        Line = line;
        LineCount = 1;
        EnvelopeTime = envelopeTime;
        Origin = origin;
        _length = 0;
        Write(content);
        _firstLineLength = content.Length;
        _openFastcgi = null;
        Kind = content.Length > 22 && content[0] == '[' && content[5] == '-' && content.Contains("] [", StringComparison.Ordinal)
            ? RecordKind.Gunicorn
            : RecordKind.Unknown;
    }

    /// <param name="content">The continuation line.</param>
    /// <param name="separator">LF for nginx's own multi-line records (FastCGI stderr), a space for a rejoined wrap.</param>
    public void Append(ReadOnlySpan<char> content, char separator = '\n')
    {
        // A rejoined wrap: one space between the pieces, whatever indentation the next line had or the last one kept.
        if (separator == ' ')
        {
            content = content.TrimStart(' ');
        }

        if (separator != ' ' || !Text.EndsWith(' '))
        {
            Write(new ReadOnlySpan<char>(in separator));
        }

        Write(content);
        LineCount++;
        if (OpenFastcgi && (content.Contains("\", client: ", StringComparison.Ordinal) || content.Contains("\" while ", StringComparison.Ordinal)))
        {
            _openFastcgi = false;
        }
    }

    /// <summary>
    /// Joins the record's head to a time stamp that stood alone on the line above it: the joined line is then the
    /// record's first line (what FastCGI's open stderr and the record's kind are read from).
    /// </summary>
    public void JoinAfterTime(ReadOnlySpan<char> content)
    {
        Append(content, ' ');
        _firstLineLength = _length;
        _openFastcgi = null;
    }

    /// <summary>
    /// Drops the closing quote of a string literal that ends the record so far (and the blanks after it), before the
    /// next literal's text is joined on.
    /// </summary>
    public void DropClosingQuote()
    {
        var end = _length;
        while (end > 0 && _chars[end - 1] == ' ')
        {
            end--;
        }

        if (end > 0 && _chars[end - 1] is '"' or '\'')
        {
            _length = end - 1;
        }
    }

    private static bool OpensFastcgi(ReadOnlySpan<char> firstLine)
    {
        // A paste that starts inside the stderr text: nginx begins each further PHP message with "PHP message: ".
        var fastcgi = firstLine.StartsWith("PHP message: ", StringComparison.Ordinal) ? 0
            : firstLine.IndexOf(WrappedPaste.FastcgiStderrQuote, StringComparison.Ordinal) is >= 0 and var at ? at : -1;
        return fastcgi >= 0 && !firstLine[fastcgi..].Contains("\", client: ", StringComparison.Ordinal)
            && !firstLine[fastcgi..].Contains("\" while ", StringComparison.Ordinal) && !ClosedAtEnd(firstLine[fastcgi..]);
    }

    /// <summary>
    /// The stderr text closes at the end of the line (<c>... on line 617"</c>), or the writer's ellipsis ends it: the
    /// writer cut the record there, and the next line is not more of it. (nginx trims the text's own line breaks at its end, so its quote never closes alone.)
    /// </summary>
    private static bool ClosedAtEnd(ReadOnlySpan<char> fastcgi)
    {
        // The writer's own cut ("... Allowed memor…", "... in /var..."): nothing of the record follows.
        var text = fastcgi.TrimEnd(' ');
        if (text.EndsWith('\u2026') || text.EndsWith("...", StringComparison.Ordinal))
        {
            return true;
        }

        var open = text.IndexOf('"');
        return text.Length > 1 && text[^1] == '"' && open >= 0 && open < text.Length - 1;
    }

    /// <summary>Keeps a copy of a classified record (the one-record lookahead).</summary>
    public void Hold(ReadOnlySpan<char> text, in ClassifiedRecord record)
    {
        _length = 0;
        Write(text);
        Record = record;
        HasRecord = true;
    }

    public void Clear()
    {
        _lastLength = _length;
        HasRecord = false;
        _openFastcgi = false;
    }

    private void Write(ReadOnlySpan<char> s)
    {
        if (_length + s.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_length + s.Length, _chars.Length * 2));
        }

        s.CopyTo(_chars.AsSpan(_length));
        _length += s.Length;
    }
}
