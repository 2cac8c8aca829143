using Nginx502Bot.Bot.Incidents;
using Nginx502Bot.Bot.LocalConsole;
using Nginx502Bot.Bot.Slack;
using Nginx502Bot.Bot.Teams;

namespace Nginx502Bot.Bot.Hosting;

/// <summary>
/// Builds the web host behind <c>nginx502bot serve</c>: Slack endpoints (or, without Slack credentials, the local
/// console on 127.0.0.1), <c>/healthz</c>, the signed incident pages when a database is configured, configuration
/// from appsettings.json and NGINX502BOT_* environment variables, structured console logs and graceful shutdown.
/// </summary>
public static class BotHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddEnvironmentVariables("NGINX502BOT_");
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.IncludeScopes = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.UseUtcTimestamp = true;
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
        builder.Services.AddBotServices(builder.Configuration);
        var slack = builder.Configuration.HasSlackCredentials();
        var chat = builder.Configuration.HasChatCredentials();
        if (!chat && builder.Configuration["urls"] is null && builder.Configuration["ASPNETCORE_URLS"] is null)
        {
            builder.WebHost.UseUrls(BotServiceCollectionExtensions.ConsoleUrl(builder.Configuration));
        }

        var app = builder.Build();
        app.MapHealthChecks("/healthz");
        if (slack)
        {
            app.MapSlackEndpoints();
        }

        app.MapTeamsEndpoints();
        if (!chat)
        {
            app.MapConsole();
        }

        if (builder.Configuration.HasIncidentsDatabase())
        {
            app.MapIncidentPages();
        }

        return app;
    }
}
