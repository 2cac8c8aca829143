using Microsoft.AspNetCore.Builder;
using Nginx502Bot.Agent.Serve;

namespace Nginx502Bot.EndToEnd.Tests.Support;

/// <summary>The agent's real <c>serve</c> host (h2c on 127.0.0.1, a free port, a bearer token) pointed at the lab.</summary>
public static class AgentServeHost
{
    public const string Token = "e2e-agent-token-0123456789abcdef";

    public static async Task<WebApplication> StartAsync(LabAgentFixture lab, CancellationToken cancellationToken)
    {
        var settings = lab.AgentSettings();
        settings["Serve:Address"] = "127.0.0.1";
        settings["Serve:Port"] = "0";
        settings["Serve:Insecure"] = "true";
        settings["Serve:Token"] = Token;
        settings["Serve:TokenFile"] = null;
        settings["Logging:LogLevel:Default"] = "Warning";
        var app = AgentServer.Build(settings);
        await app.StartAsync(cancellationToken);
        return app;
    }
}
