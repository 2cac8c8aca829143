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

    private static async Task<IResult> SendAsync(ConsoleRequest request, ConsoleTranscript transcript, ChatCommandRouter router, TimeProvider time, HttpContext http)
    {
        var text = StripSlashCommand(request.Text ?? "");
        var sent = transcript.AddUserMessage(request.Text ?? "");
        var message = new ChatMessage(ChatThread.Root(ConsoleTranscript.Conversation), LocalUser, text, IsCommand: true, DeliveryKey(sent.Id), time.GetUtcNow());
        await router.HandleMessageAsync(message, transcript, http.RequestAborted);
        return Results.Json(transcript.Snapshot());
    }

    private static async Task<IResult> ActionAsync(ConsoleRequest request, ConsoleTranscript transcript, ChatCommandRouter router, TimeProvider time, HttpContext http)
    {
        if (request.ActionId is null || request.MessageId is null)
        {
            return Results.BadRequest();
        }

        var source = new ChatMessageRef(ChatThread.Root(ConsoleTranscript.Conversation), request.MessageId);
        await router.HandleActionAsync(new ChatAction(request.ActionId, request.Value ?? "", LocalUser, source, time.GetUtcNow(), DeliveryKey(request.MessageId + ":" + request.ActionId)), transcript, http.RequestAborted);
        return Results.Json(transcript.Snapshot());
    }

    /// <summary>
    /// Timeline idempotency keys must be unique across the whole database, and the console's message ids restart at
    /// m1 with every process, so each delivery key carries a per-process nonce as well.
    /// </summary>
    private static string DeliveryKey(string messageId) => $"console:{ProcessNonce}:{messageId}:{Guid.NewGuid():N}";

    private static readonly string ProcessNonce = Guid.NewGuid().ToString("N")[..12];

    /// <summary>People type <c>/502 agents</c> out of habit; the router wants what follows the command.</summary>
    public static string StripSlashCommand(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.StartsWith("/502", StringComparison.Ordinal) ? trimmed[4..] : text;
    }
}
