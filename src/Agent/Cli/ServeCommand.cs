using System.Globalization;
using Nginx502Bot.Agent.Serve;

namespace Nginx502Bot.Agent.Cli;

/// <summary><c>serve</c>: the gRPC agent. Options override configuration (appsettings.json, environment).</summary>
public static class ServeCommand
{
    private static readonly CliOption[] Options =
    [
        new("--address", "IP address to listen on (Serve:Address)"),
        new("--port", "port (Serve:Port)", CliValueKind.WholeNumber),
        new("--insecure", "h2c without TLS; refused unless the address is loopback", CliValueKind.Flag),
    ];

    public static AgentCommand Create() =>
        new("serve", "Serve the agent over gRPC (TLS + bearer token; h2c only on loopback with --insecure).", Options, (args, ct) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (args.Text("--address") is { } a) { overrides["Serve:Address"] = a; }
            if (args.WholeNumber("--port") is { } p) { overrides["Serve:Port"] = p.ToString(CultureInfo.InvariantCulture); }
            if (args.Flag("--insecure")) { overrides["Serve:Insecure"] = "true"; }
            return AgentServer.RunAsync(overrides, ct);
        });
}
