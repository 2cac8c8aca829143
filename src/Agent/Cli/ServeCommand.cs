using System.CommandLine;
using Nginx502Bot.Agent.Serve;

namespace Nginx502Bot.Agent.Cli;

/// <summary><c>serve</c>: the gRPC agent. Options override configuration (appsettings.json, environment).</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Serve the agent over gRPC (TLS + bearer token; h2c only on loopback with --insecure).");
        var address = new Option<string?>("--address") { Description = "IP address to listen on (Serve:Address)" };
        var port = new Option<int?>("--port") { Description = "port (Serve:Port)" };
        var insecure = new Option<bool>("--insecure") { Description = "h2c without TLS; refused unless the address is loopback" };
        command.Options.Add(address);
        command.Options.Add(port);
        command.Options.Add(insecure);
        command.SetAction((parse, ct) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(address) is { } a) { overrides["Serve:Address"] = a; }
            if (parse.GetValue(port) is { } p) { overrides["Serve:Port"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture); }
            if (parse.GetValue(insecure)) { overrides["Serve:Insecure"] = "true"; }
            return AgentServer.RunAsync(overrides, ct);
        });
        return command;
    }
}
