namespace Nginx502Bot.Diagnostics.Evidence;

public enum SocketFamily
{
    Unspecified,
    IPv4,
    IPv6,
    Unix,
}
