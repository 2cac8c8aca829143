using Microsoft.Extensions.Options;
using Nginx502Bot.Incidents.Chat;
using Nginx502Bot.Incidents.Configuration;

namespace Nginx502Bot.Incidents.Digests;

/// <summary>
/// Posts the daily or weekly digest to every configured channel. The period is the previous whole UTC day or
/// ISO week; each (channel, period) is claimed in digest_runs first, so a re-run never posts twice.
/// </summary>
public sealed class DigestService(DigestRepository digests, IChatPoster poster, IOptions<SchedulesOptions> options, TimeProvider timeProvider)
{
    /// <summary>Posts the digest for the period that ended most recently; returns the channels posted to.</summary>
    public async Task<IReadOnlyList<string>> PostAsync(DigestPeriod period, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var (from, to) = PreviousPeriod(period, now);
        var digest = await digests.LoadAsync(period, from, to, cancellationToken);
        var text = DigestRenderer.Render(digest);
        var posted = new List<string>();
        foreach (var channel in options.Value.DigestChannels)
        {
            if (!await digests.TryClaimAsync(channel, period, from, now, cancellationToken))
            {
                continue;
            }

            try
            {
                var kind = period == DigestPeriod.Daily ? ChatPostKind.DailyDigest : ChatPostKind.WeeklyDigest;
                await poster.PostAsync(new ChatPost { Kind = kind, Channel = channel, Text = text }, cancellationToken);
                posted.Add(channel);
            }
            catch
            {
                await digests.ReleaseAsync(channel, period, from, CancellationToken.None);
                throw;
            }
        }

        return posted;
    }

    /// <summary>Yesterday (UTC) for daily; the last complete Monday-to-Monday week for weekly.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) PreviousPeriod(DigestPeriod period, DateTimeOffset now)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        if (period == DigestPeriod.Daily)
        {
            return (today.AddDays(-1), today);
        }

        var sinceMonday = ((int)today.DayOfWeek + 6) % 7;
        var thisMonday = today.AddDays(-sinceMonday);
        return (thisMonday.AddDays(-7), thisMonday);
    }
}
