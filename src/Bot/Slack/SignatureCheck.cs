namespace Nginx502Bot.Bot.Slack;

/// <summary>Outcome of checking <c>X-Slack-Signature</c>; anything but <see cref="Valid"/> is answered 401.</summary>
public enum SignatureCheck
{
    Valid,
    Missing,
    Stale,
    Mismatch,
}
