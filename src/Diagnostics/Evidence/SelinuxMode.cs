namespace Nginx502Bot.Diagnostics.Evidence;

public enum SelinuxMode
{
    Unknown,
    Absent,
    Disabled,
    Permissive,
    Enforcing,
}
