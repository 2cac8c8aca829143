using Nginx502Bot.Lab.Processes;
using Nginx502Bot.Lab.Scenarios;

namespace Nginx502Bot.Lab.Backends;

/// <summary>
/// Throw-away self-signed certificates made with the openssl CLI: the TLS backend's (<c>lab.local</c>), and an unrelated
/// one that scenarios trust instead when the backend's certificate must fail verification.
/// </summary>
public static class LabCertificate
{
    public static async Task CreateAsync(LabTargets targets, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(targets.CertFile)!);
        await SelfSignedAsync(targets.CertFile, targets.KeyFile, "lab.local", cancellationToken);
        await SelfSignedAsync(targets.OtherCertFile, targets.OtherCertFile + ".key", "other-ca.lab.local", cancellationToken);
    }

    private static async Task SelfSignedAsync(string cert, string key, string name, CancellationToken cancellationToken)
    {
        using var openssl = ChildProcess.Start("/usr/bin/openssl",
        [
            "req", "-x509", "-nodes", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
            "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=" + name,
        ]);
        var done = await Wait.UntilAsync(() => openssl.HasExited, TimeSpan.FromSeconds(15), cancellationToken);
        Wait.Ensure(done && File.Exists(cert), "openssl req", openssl);
    }
}
