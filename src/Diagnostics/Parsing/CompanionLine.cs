using Nginx502Bot.Diagnostics.Records;

namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>A backend, kernel or audit log record that can explain an nginx failure.</summary>
public struct CompanionLine
{
    public RecordKind Kind;
    public DateTime? Time;
    public Segment Level;

    /// <summary>What the record is about: a PHP-FPM pool, a killed process name, a gunicorn worker.</summary>
    public Segment Subject;

    /// <summary>The process the record names (killed child, timed-out worker), or -1.</summary>
    public int Pid;
    public Segment Message;
    public string Cause;

    /// <summary>A status the record itself states (access-log lines), else null.</summary>
    public int? Status;
}
