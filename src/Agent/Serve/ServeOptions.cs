namespace Nginx502Bot.Agent.Serve;

/// <summary>
/// The gRPC listener and its protection. Section <c>Serve</c>. TLS is required unless <see cref="Insecure"/> is set,
/// which is accepted only on a loopback address (development). A bearer token is always required.
/// </summary>
public sealed class ServeOptions
{
    public const string SectionName = "Serve";

    /// <summary>IP address to listen on. Default 127.0.0.1.</summary>
    public string Address { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 50051;

    /// <summary>h2c without TLS: loopback only, for development and tests.</summary>
    public bool Insecure { get; set; }

    /// <summary>PEM certificate (with <see cref="CertificateKeyPath"/>) or a PKCS#12 file.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificateKeyPath { get; set; }
    public string? CertificatePassword { get; set; }

    /// <summary>The bearer token callers must send (<c>authorization: Bearer ...</c>); or <see cref="TokenFile"/>.</summary>
    public string? Token { get; set; }
    public string? TokenFile { get; set; }

    /// <summary>After this instant the token is refused (rotation): an expired token is as good as none.</summary>
    public DateTimeOffset? TokenNotAfter { get; set; }

    /// <summary>Calls per peer address per minute, checked before authentication.</summary>
    public int RateLimitPerMinute { get; set; } = 120;

    /// <summary>Diagnoses running at once; more are refused with RESOURCE_EXHAUSTED.</summary>
    public int MaxConcurrentDiagnoses { get; set; } = 2;

    /// <summary>The token from <see cref="Token"/> or the first line of <see cref="TokenFile"/>.</summary>
    public string? ResolveToken() => !string.IsNullOrEmpty(Token) ? Token
        : TokenFile is { } f && File.Exists(f) ? File.ReadLines(f).FirstOrDefault()?.Trim() : null;
}
