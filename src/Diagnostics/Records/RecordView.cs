using Nginx502Bot.Diagnostics.Parsing;

namespace Nginx502Bot.Diagnostics.Records;

/// <summary>A record as the analyzer hands it out: its text and its parse. Valid only during the callback.</summary>
public readonly ref struct RecordView
{
    private readonly ref readonly ClassifiedRecord _record;

    public RecordView(ReadOnlySpan<char> text, ref readonly ClassifiedRecord record)
    {
        Text = text;
        _record = ref record;
    }

    public ReadOnlySpan<char> Text { get; }

    /// <summary>The parse, by reference: the struct is large and read on the hot path.</summary>
    public ref readonly ClassifiedRecord Record => ref _record;

    public bool IsNginx => Record.Kind is RecordKind.NginxHttp or RecordKind.NginxStream or RecordKind.NginxMail or RecordKind.NginxCore;

    /// <summary>The peer this record is about (see <see cref="UpstreamAddress.Target"/>).</summary>
    public ReadOnlySpan<char> Target => IsNginx ? UpstreamAddress.Target(Text, Record.Nginx) : Record.Companion.Subject.Of(Text);

    public LogRecord ToLogRecord() => RecordMaterializer.Materialize(this);
}
