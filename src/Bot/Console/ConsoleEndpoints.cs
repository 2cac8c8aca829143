using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Bot.Commands;

// Namespace is not "Console": that would shadow System.Console for every Nginx502Bot.Bot.* file.
namespace Nginx502Bot.Bot.LocalConsole;

/// <summary>
/// The local web console: <c>GET /</c> serves the page, <c>POST /console/send</c> and <c>/console/action</c> run the
/// same router as Slack and return the transcript rendered to HTML. Loopback clients only.
/// </summary>
public static class ConsoleEndpoints
{
    private static readonly ChatUser LocalUser = new("local", "you");

    public static RouteGroupBuilder MapConsole(this IEndpointRouteBuilder endpoints, string prefix = "")
    {
        var group = endpoints.MapGroup(prefix).AddEndpointFilter<LoopbackOnlyFilter>();
        group.MapGet("/", () => Results.Content(ConsolePage.Html, "text/html; charset=utf-8"));
        group.MapGet("/console/messages", (ConsoleTranscript transcript) => Results.Json(transcript.Snapshot()));
        group.MapPost("/console/send", SendAsync);
        group.MapPost("/console/action", ActionAsync);
        return group;
    }

    private static async Task<IResult> SendAsync(ConsoleRequest request, ConsoleTranscript transcript, ChatCommandRouter router, HttpContext http)
    {
        var text = StripSlashCommand(request.Text ?? "");
        transcript.AddUserMessage(request.Text ?? "");
        var message = new ChatMessage(ChatThread.Root(ConsoleTranscript.Conversation), LocalUser, text, IsCommand: true);
        await router.HandleMessageAsync(message, transcript, http.RequestAborted);
        return Results.Json(transcript.Snapshot());
    }

    private static async Task<IResult> ActionAsync(ConsoleRequest request, ConsoleTranscript transcript, ChatCommandRouter router, HttpContext http)
    {
        if (request.ActionId is null || request.MessageId is null)
        {
            return Results.BadRequest();
        }

        var source = new ChatMessageRef(ChatThread.Root(ConsoleTranscript.Conversation), request.MessageId);
        await router.HandleActionAsync(new ChatAction(request.ActionId, request.Value ?? "", LocalUser, source), transcript, http.RequestAborted);
        return Results.Json(transcript.Snapshot());
    }

    /// <summary>People type <c>/502 agents</c> out of habit; the router wants what follows the command.</summary>
    public static string StripSlashCommand(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.StartsWith("/502", StringComparison.Ordinal) ? trimmed[4..] : text;
    }
}
