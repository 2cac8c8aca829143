namespace Nginx502Bot.Diagnostics.Vocabulary;

/// <summary>
/// Root-cause ids from <c>shared/reference/causes.md</c> section 2: what host evidence or several records establish.
/// When no evidence refines a finding, its root cause stays the line-level cause id.
/// </summary>
public static class RootCauses
{
    public const string UpstreamDown = Causes.UpstreamDown;
    public const string WrongTarget = "wrong_target";
    public const string UnixSocketMissing = Causes.UnixSocketMissing;
    public const string UnixSocketPermission = Causes.UnixSocketPermission;
    public const string SelinuxDenied = Causes.SelinuxDenied;
    public const string StaleKeepalive = "stale_keepalive";
    public const string OomKilled = Causes.OomKilled;
    public const string AppCrash = Causes.AppCrash;
    public const string PhpFatal = Causes.PhpFatal;
    public const string AppWorkerTimeout = Causes.AppWorkerTimeout;
    public const string FpmPoolExhausted = Causes.FpmPoolExhausted;
    public const string ProtocolMismatch = Causes.ProtocolMismatch;
    public const string UpstreamTls = Causes.UpstreamTls;
    public const string HeaderTooBig = Causes.HeaderTooBig;
    public const string NoLiveUpstreams = Causes.NoLiveUpstreams;
}
