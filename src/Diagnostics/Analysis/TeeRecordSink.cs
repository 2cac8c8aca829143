using Nginx502Bot.Diagnostics.Records;

namespace Nginx502Bot.Diagnostics.Analysis;

/// <summary>Hands every record to two sinks, in this order.</summary>
public sealed class TeeRecordSink(IRecordSink first, IRecordSink second) : IRecordSink
{
    public void OnRecord(in RecordView record)
    {
        first.OnRecord(record);
        second.OnRecord(record);
    }
}
