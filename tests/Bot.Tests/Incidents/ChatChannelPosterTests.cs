using Microsoft.Extensions.DependencyInjection;
using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Bot.Incidents;
using Nginx502Bot.Bot.LocalConsole;
using Nginx502Bot.Bot.Tests.Infrastructure;
using Nginx502Bot.Incidents.Chat;

namespace Nginx502Bot.Bot.Tests.Incidents;

/// <summary>Digests and reminders from the scheduled jobs reach chat through the bot's registered channels.</summary>
public sealed class ChatChannelPosterTests
{
    [Fact]
    public async Task Posts_GoToTheNamedChannel_OrTheFirstOne_InTheirThread()
    {
        await using var slack = await LocalSlackServer.StartAsync();
        await using var bot = await BotHost.StartAsync(slack);
        var channels = bot.App.Services.GetServices<IChatChannel>().ToList();
        var poster = new ChatChannelPoster(channels);

        await poster.PostAsync(new ChatPost { Kind = ChatPostKind.PostmortemReminder, Channel = "C9", ThreadTs = "1763733000.000100", Text = "Incident #3 needs a post-mortem" }, CancellationToken.None);
        await poster.PostAsync(new ChatPost { Kind = ChatPostKind.DailyDigest, Channel = "console:local", Text = "Daily digest: no incidents" }, CancellationToken.None);

        Assert.Equal("slack", channels[0].Name);
        var post = Assert.Single(slack.CallsTo("chat.postMessage")).Json;
        Assert.Equal("C9", post["channel"]!.GetValue<string>());
        Assert.Equal("1763733000.000100", post["thread_ts"]!.GetValue<string>());
        Assert.Contains("Incident #3 needs a post-mortem", post["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var transcript = bot.App.Services.GetRequiredService<ConsoleTranscript>().Snapshot();
        Assert.Equal("Daily digest: no incidents", Assert.Single(transcript).Text);
    }
}
