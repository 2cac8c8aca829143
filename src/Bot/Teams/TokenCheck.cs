namespace Nginx502Bot.Bot.Teams;

/// <summary>Outcome of checking an inbound Bot Connector token; anything but <see cref="Valid"/> is answered 401.</summary>
public enum TokenCheck
{
    Valid,
    Missing,
    Malformed,
    UnknownKey,
    Invalid,
    ServiceUrlMismatch,
    NotEndorsed,
}
