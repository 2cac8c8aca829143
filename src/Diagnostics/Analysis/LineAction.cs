namespace Nginx502Bot.Diagnostics.Analysis;

/// <summary>Receives one decoded line; the span is valid only during the call.</summary>
public delegate void LineAction(ReadOnlySpan<char> line);
