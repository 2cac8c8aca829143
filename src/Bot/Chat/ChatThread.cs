namespace Nginx502Bot.Bot.Chat;

/// <summary>Where a reply goes: a conversation and, when answering inside a thread, the thread's root message id.</summary>
public sealed record ChatThread(ChatConversation Conversation, string? ThreadId)
{
    public static ChatThread Root(ChatConversation conversation) => new(conversation, null);
}
