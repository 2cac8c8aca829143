namespace Nginx502Bot.Diagnostics.Evidence;

/// <summary>One established fact, citing the probe that saw it and, when it comes from a file, the file:line.</summary>
public sealed record EvidenceFact(string Text, string Probe, SourceLocation? Location = null);
