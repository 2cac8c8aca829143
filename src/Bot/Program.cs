using Nginx502Bot.Bot.Cli;

return await BotCommandLine.Build(TimeProvider.System).Parse(args).InvokeAsync();
