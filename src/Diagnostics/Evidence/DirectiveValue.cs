namespace Nginx502Bot.Diagnostics.Evidence;

/// <summary>An effective directive value (after http → server → location inheritance) and where it was written.</summary>
public sealed record DirectiveValue(string Value, SourceLocation Location);
