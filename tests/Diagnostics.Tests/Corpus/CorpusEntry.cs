namespace Nginx502Bot.Diagnostics.Tests.Corpus;

/// <summary>
/// One labelled line of <c>public-lines.txt</c>: a record as someone pasted it in public, with the cause and status
/// decided from nginx's source text (not from the engine).
/// </summary>
public sealed record CorpusEntry
{
    /// <summary>Line number of the entry's <c>line:</c> key in the corpus file, for messages.</summary>
    public required int FileLine { get; init; }

    public required string Source { get; init; }

    public required string Cause { get; init; }

    /// <summary>Expected status; 9 stands for nginx's HTTP/0.9 fallback (<c>009</c>), <c>null</c> for none.</summary>
    public required int? Status { get; init; }

    public string? Note { get; init; }

    /// <summary>
    /// Why the engine is known to miss this line although the label stands (e.g. a paste that wrapped the record over
    /// several physical lines). Counted in the accuracy figures; the per-line test checks the miss is still real.
    /// </summary>
    public string? KnownMiss { get; init; }

    /// <summary>The pasted text: one physical line, or several joined with LF.</summary>
    public required string Text { get; init; }

    public override string ToString() => $"{FileLine}: {Source}";
}
