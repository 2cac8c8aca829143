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

    /// <summary>ENOTDIR: a path component is a file (Windows: ERROR_PATH_NOT_FOUND, nginx's NGX_ENOTDIR there).</summary>
    NotADirectory,
}
