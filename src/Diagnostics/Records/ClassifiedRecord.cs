using Nginx502Bot.Diagnostics.Classification;
using Nginx502Bot.Diagnostics.Parsing;

namespace Nginx502Bot.Diagnostics.Records;

/// <summary>A record's parse and verdict as offsets into its text; valid only while the text is (see <see cref="RecordView"/>).</summary>
public struct ClassifiedRecord
{
    public int Line;
    public int LineCount;
    public RecordKind Kind;
    public Verdict Verdict;
    public NginxLine Nginx;
    public CompanionLine Companion;
    public DateTime? Time;
    public string? Origin;
}
