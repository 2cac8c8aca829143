using System.Text.Json.Nodes;
using Nginx502Bot.Bot.Chat;

namespace Nginx502Bot.Bot.Slack;

/// <summary>A reply in Slack's terms: fallback text, at most 50 blocks, and files to upload into the thread.</summary>
public sealed record SlackRenderedMessage(string Text, JsonArray Blocks, IReadOnlyList<ReplyAttachment> Files);
