using Nginx502Bot.Lab.Processes;
using Nginx502Bot.Lab.Scenarios;

namespace Nginx502Bot.Lab.Backends;

/// <summary>A throw-away self-signed certificate for the TLS backend, made with the openssl CLI.</summary>
public static class LabCertificate
{
    public static async Task CreateAsync(LabTargets targets, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(targets.CertFile)!);
        using var openssl = ChildProcess.Start("/usr/bin/openssl",
        [
            "req", "-x509", "-nodes", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
            "-keyout", targets.KeyFile, "-out", targets.CertFile, "-days", "2", "-subj", "/CN=lab.local",
        ]);
        var done = await Wait.UntilAsync(() => openssl.HasExited, TimeSpan.FromSeconds(15), cancellationToken);
        Wait.Ensure(done && File.Exists(targets.CertFile), "openssl req", openssl);
    }
}
