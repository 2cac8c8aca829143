using System.CommandLine;
using Nginx502Bot.Bot.Hosting;

namespace Nginx502Bot.Bot.Cli;

/// <summary><c>nginx502bot serve</c>: runs the bot (Slack endpoints, or the local console without Slack credentials).</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the bot: Slack (HTTP or Socket Mode) or, without Slack credentials, the local console on 127.0.0.1.");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, ct) =>
        {
            await using var app = BotHost.Build([.. result.UnmatchedTokens]);
            await app.RunAsync(ct);
            return 0;
        });
        return command;
    }
}
