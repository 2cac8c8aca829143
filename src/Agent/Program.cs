using Nginx502Bot.Agent.Cli;

// Ctrl+C ends a probe or a serve run through the token (serve's host also stops on SIGTERM by itself).
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
AgentCommand[] commands = [ProbeCommand.Create(ProbeCommand.BuildServices), ServeCommand.Create()];
return await AgentCommandLine.InvokeAsync(commands, args, Console.Out, Console.Error, cancel.Token);
