using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Resolution.Rules;

/// <summary><c>app_worker_timeout</c>: the app server killed a slow worker (request_terminate_timeout, gunicorn timeout).</summary>
public sealed class AppWorkerTimeoutRule : CompanionEventRule
{
    protected override string EventCause => Causes.AppWorkerTimeout;
    protected override string RootCause => RootCauses.AppWorkerTimeout;
    protected override string Describe(HostEvent e) => $"{e.Subject ?? "the app server"} killed a slow worker";

    protected override IReadOnlyList<string> Remedy(RootCauseContext context, HostEvent e) =>
    [
        "find the slow request (the script named in the backend log) and make it faster, or raise the app server's worker timeout (`request_terminate_timeout`, gunicorn `--timeout`) together with nginx's `*_read_timeout`",
    ];
}
