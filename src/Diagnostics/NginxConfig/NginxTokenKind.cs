namespace Nginx502Bot.Diagnostics.NginxConfig;

public enum NginxTokenKind
{
    Word,
    Semicolon,
    OpenBrace,
    CloseBrace,
}
