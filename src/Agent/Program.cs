using System.CommandLine;
using Nginx502Bot.Agent.Cli;

var root = new RootCommand("nginx502bot-agent: read-only host agent that diagnoses nginx 502s.");
root.Subcommands.Add(ProbeCommand.Create(ProbeCommand.BuildServices));
root.Subcommands.Add(ServeCommand.Create());
return await root.Parse(args).InvokeAsync();
