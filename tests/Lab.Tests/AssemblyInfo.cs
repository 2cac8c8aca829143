using System.Runtime.Versioning;

// The lab this project drives runs on Linux only (Debian's nginx, PHP-FPM and gunicorn).
[assembly: SupportedOSPlatform("linux")]
