namespace Nginx502Bot.Diagnostics.Records;

/// <summary>Which log produced a record.</summary>
public enum RecordKind
{
    /// <summary>A line no known format matches.</summary>
    Unknown,
    NginxHttp,
    NginxStream,
    /// <summary>nginx lines without HTTP context: resolver internals, start-up, background work.</summary>
    NginxCore,

    /// <summary>An access-log line (combined format): not an error record, but it states the status clients got.</summary>
    NginxAccess,
    PhpFpm,
    Php,
    Gunicorn,
    Uwsgi,
    Kernel,
    SelinuxAudit,

    /// <summary>
    /// A process supervisor's own log: supervisord's, or systemd's lines about a service's main process (php-fpm,
    /// gunicorn, nginx starting, exiting, killed).
    /// </summary>
    Supervisor,

    /// <summary>Unicorn's master log (Ruby Logger lines): workers killed on timeout and reaped.</summary>
    Unicorn,

    /// <summary>The mail proxy's session records (SMTP/IMAP/POP3): a login and an unquoted upstream, no HTTP request.</summary>
    NginxMail,
}
