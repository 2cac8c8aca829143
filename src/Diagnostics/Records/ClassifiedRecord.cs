using Nginx502Bot.Diagnostics.Classification;
using Nginx502Bot.Diagnostics.Parsing;

namespace Nginx502Bot.Diagnostics.Records;

/// <summary>A record's parse and verdict as offsets into its text; valid only while the text is (see <see cref="RecordView"/>).</summary>
public struct ClassifiedRecord
{
    public int Line;

    /// <summary>Which input the record came from, 0-based in the order given (see <see cref="LogRecord.Input"/>).</summary>
    public int Input;
    public int LineCount;
    public RecordKind Kind;
    public Verdict Verdict;
    public NginxLine Nginx;
    public CompanionLine Companion;
    public DateTime? Time;
    public string? Origin;
}
