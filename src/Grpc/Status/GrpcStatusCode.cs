namespace Nginx502Bot.Grpc.Status;

/// <summary>The 17 standard gRPC status codes, with their wire values (the decimal value of <c>grpc-status</c>).</summary>
public enum GrpcStatusCode
{
    /// <summary>Not an error; returned on success.</summary>
    Ok = 0,

    /// <summary>The operation was cancelled, typically by the caller.</summary>
    Cancelled = 1,

    /// <summary>Unknown error, e.g. an exception the server did not map to a status.</summary>
    Unknown = 2,

    /// <summary>The client specified an invalid argument.</summary>
    InvalidArgument = 3,

    /// <summary>The deadline expired before the operation could complete.</summary>
    DeadlineExceeded = 4,

    /// <summary>Some requested entity was not found.</summary>
    NotFound = 5,

    /// <summary>The entity a client attempted to create already exists.</summary>
    AlreadyExists = 6,

    /// <summary>The caller does not have permission to execute the operation.</summary>
    PermissionDenied = 7,

    /// <summary>Some resource has been exhausted (e.g. a message exceeded the maximum message size).</summary>
    ResourceExhausted = 8,

    /// <summary>The system is not in a state required for the operation.</summary>
    FailedPrecondition = 9,

    /// <summary>The operation was aborted, typically due to a concurrency issue.</summary>
    Aborted = 10,

    /// <summary>The operation was attempted past the valid range.</summary>
    OutOfRange = 11,

    /// <summary>The operation (or method) is not implemented or supported.</summary>
    Unimplemented = 12,

    /// <summary>Internal error: an invariant expected by the underlying system was broken.</summary>
    Internal = 13,

    /// <summary>The service is currently unavailable; usually transient.</summary>
    Unavailable = 14,

    /// <summary>Unrecoverable data loss or corruption.</summary>
    DataLoss = 15,

    /// <summary>The request does not have valid authentication credentials.</summary>
    Unauthenticated = 16,
}
