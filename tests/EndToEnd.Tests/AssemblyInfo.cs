using System.Runtime.Versioning;

// The lab these tests drive runs on Linux only (Debian's nginx, PHP-FPM and gunicorn).
[assembly: SupportedOSPlatform("linux")]
