using Nginx502Bot.Diagnostics.Parsing;

namespace Nginx502Bot.Diagnostics.Records;

/// <summary>Turns a <see cref="RecordView"/> into a <see cref="LogRecord"/> with strings (output, evidence, pasted text).</summary>
public static class RecordMaterializer
{
    /// <summary>Evidence text is capped: a record is at most a few KiB from nginx, but a paste can be anything.</summary>
    public const int MaxTextChars = 4096;

    public static LogRecord Materialize(in RecordView view)
    {
        ref readonly var r = ref view.Record;
        var t = view.Text;
        var text = t.Length > MaxTextChars ? new string(t[..MaxTextChars]) + "…" : new string(t);
        if (view.IsNginx)
        {
            var n = r.Nginx;
            var target = UpstreamAddress.Target(t, n);
            return new LogRecord
            {
                Line = r.Line, LineCount = r.LineCount, Input = r.Input, Kind = r.Kind, Cause = r.Verdict.Cause, Status = r.Verdict.Status,
                Time = r.Time, Level = n.Level.ToString(t), Pid = n.Pid == 0 ? null : n.Pid,
                ConnectionId = n.ConnectionId < 0 ? null : n.ConnectionId, Message = n.Message.ToString(t),
                Errno = n.ErrnoNumber <= 0 ? null : n.ErrnoNumber, ErrnoText = n.ErrnoText.ToString(t), Action = n.Action.ToString(t),
                Client = n.Client.ToString(t), Server = n.Server.ToString(t), Request = n.Request.ToString(t),
                Subrequest = n.Subrequest.ToString(t), Upstream = n.Upstream.ToString(t),
                UpstreamTarget = target.IsEmpty ? null : new string(target), Host = n.Host.ToString(t),
                Referrer = n.Referrer.ToString(t), Resolver = n.Resolver.ToString(t), Origin = r.Origin,
                Truncated = n.Truncated, Text = text,
            };
        }

        var c = r.Companion;
        return new LogRecord
        {
            Line = r.Line, LineCount = r.LineCount, Input = r.Input, Kind = r.Kind, Cause = r.Verdict.Cause, Status = r.Verdict.Status,
            Time = r.Time, Level = c.Level.ToString(t), Pid = c.Pid < 0 ? null : c.Pid,
            Message = r.Kind == RecordKind.Unknown ? null : c.Message.ToString(t), Subject = c.Subject.ToString(t),
            Origin = r.Origin, Text = text,
        };
    }
}
