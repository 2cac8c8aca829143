using System.Runtime.Versioning;

// The lab drives Debian's nginx, PHP-FPM and gunicorn through Unix file modes and signals.
[assembly: SupportedOSPlatform("linux")]
