namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>The errno values upstream lines carry, keyed by meaning rather than number (numbers differ on BSD and Windows).</summary>
public enum Errno
{
    None,
    Other,
    ConnectionRefused,
    NoSuchFile,
    PermissionDenied,
    OperationNotPermitted,
    WouldBlock,
    HostUnreachable,
    HostDown,
    NetworkUnreachable,
    NetworkDown,
    AddressNotAvailable,
    TooManyOpenFiles,
    TimedOut,
    ConnectionReset,
    BrokenPipe,
    NotConnected,
    AddressFamilyNotSupported,
    NoBufferSpace,
}
