namespace Nginx502Bot.Lab.Backends;

/// <summary>A real application server whose own log is collected next to nginx's error log.</summary>
public enum LabCompanion
{
    None,
    PhpFpm,
    Gunicorn,
}
