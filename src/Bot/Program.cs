using Nginx502Bot.Bot.Cli;

return await BotCommandLine.InvokeAsync(args, TimeProvider.System, Console.Error);
