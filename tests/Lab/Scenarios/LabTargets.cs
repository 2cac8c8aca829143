using Nginx502Bot.Lab.Processes;

namespace Nginx502Bot.Lab.Scenarios;

/// <summary>The lab's runtime addresses: its directory, the shared PHP-FPM and gunicorn addresses, fresh ports.</summary>
public sealed class LabTargets
{
    public LabTargets(string directory)
    {
        Directory = directory;
        GunicornPort = FreePorts.Next();
        HttpServerPort = FreePorts.Next();
    }

    /// <summary>The lab's prefix directory (nginx prefix, sockets, scripts, logs).</summary>
    public string Directory { get; }

    public string RunDirectory => Path.Combine(Directory, "run");
    public string WebRoot => Path.Combine(Directory, "www");
    public string LogDirectory => Path.Combine(Directory, "logs");

    /// <summary>The PHP-FPM pool's unix socket (owned by www-data, mode 0660).</summary>
    public string PhpFpmSocket => Socket("php-fpm");

    public int GunicornPort { get; }

    /// <summary>A plain HTTP/1.1 server block of the lab's own nginx (answers 200, or 400 to non-HTTP bytes).</summary>
    public int HttpServerPort { get; }

    public string CertFile => Path.Combine(Directory, "tls", "lab.crt");
    public string KeyFile => Path.Combine(Directory, "tls", "lab.key");

    /// <summary>An unrelated self-signed certificate, trusted where the backend's must fail verification.</summary>
    public string OtherCertFile => Path.Combine(Directory, "tls", "other.crt");

    public string Socket(string name) => Path.Combine(RunDirectory, name + ".sock");

    public static int Port() => FreePorts.Next();
}
