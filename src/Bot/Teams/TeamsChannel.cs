using Nginx502Bot.Bot.Chat;

namespace Nginx502Bot.Bot.Teams;

/// <summary>The Teams chat channel; registered only when Teams is configured.</summary>
public sealed class TeamsChannel(TeamsChatReplier replier) : IChatChannel
{
    public string Name => TeamsInboundHandler.Channel;

    public IChatReplier Replier => replier;
}
