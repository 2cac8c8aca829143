namespace Nginx502Bot.Incidents.Storage;

/// <summary>
/// timestamptz travels as a UTC <see cref="DateTime"/> (what Npgsql reads and writes without surprises);
/// the domain uses <see cref="DateTimeOffset"/>.
/// </summary>
internal static class Utc
{
    public static DateTime ToDb(DateTimeOffset value) => value.UtcDateTime;

    public static DateTime? ToDb(DateTimeOffset? value) => value?.UtcDateTime;

    public static DateTimeOffset FromDb(DateTime value) =>
        new(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero);

    public static DateTimeOffset? FromDb(DateTime? value) => value is { } v ? FromDb(v) : null;
}
