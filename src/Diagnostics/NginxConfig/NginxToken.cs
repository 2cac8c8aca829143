namespace Nginx502Bot.Diagnostics.NginxConfig;

/// <summary>One token with the 1-based line it starts on. Quoted words arrive unquoted and unescaped.</summary>
public readonly record struct NginxToken(NginxTokenKind Kind, string Text, int Line, bool Quoted = false);
