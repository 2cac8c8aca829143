namespace Nginx502Bot.Diagnostics.Classification;

/// <summary>A record's cause id and the status the client most likely saw (null: none follows from this record).</summary>
public readonly record struct Verdict(string Cause, int? Status);
