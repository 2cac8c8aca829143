namespace Nginx502Bot.Agent.Tests.Support;

/// <summary>A clock stopped at a given instant, in UTC (the fixtures' logs are read as local time; tests run with TZ=UTC or a wide window).</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
