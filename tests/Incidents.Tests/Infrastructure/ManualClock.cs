namespace Nginx502Bot.Incidents.Tests.Infrastructure;

/// <summary>A clock the test moves by hand; timers still run on real time (only the "now" is controlled).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
