namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>What was around a log line: syslog, a docker-compose prefix, a container runtime's JSON or CRI line.</summary>
public struct Envelope
{
    /// <summary>Container name or syslog host, as offsets into the physical line.</summary>
    public Segment Origin;

    /// <summary>The envelope's own time (syslog has no year; it takes the default year).</summary>
    public DateTime? Time;
}
