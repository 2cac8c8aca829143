namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>A slice of the record text held as offsets, so parsing allocates nothing. Length -1 means absent.</summary>
public readonly record struct Segment(int Start, int Length)
{
    public static readonly Segment None = new(0, -1);

    public bool IsPresent => Length >= 0;

    public ReadOnlySpan<char> Of(ReadOnlySpan<char> text) => IsPresent ? text.Slice(Start, Length) : default;

    public string? ToString(ReadOnlySpan<char> text) => IsPresent ? new string(text.Slice(Start, Length)) : null;

    public static Segment Between(int start, int end) => new(start, end - start);
}
