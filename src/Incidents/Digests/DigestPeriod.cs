namespace Nginx502Bot.Incidents.Digests;

public enum DigestPeriod
{
    Daily,
    Weekly,
}
