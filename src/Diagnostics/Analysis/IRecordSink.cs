using Nginx502Bot.Diagnostics.Records;

namespace Nginx502Bot.Diagnostics.Analysis;

/// <summary>Receives every classified record in input order while the analyzer streams.</summary>
public interface IRecordSink
{
    void OnRecord(in RecordView record);
}
