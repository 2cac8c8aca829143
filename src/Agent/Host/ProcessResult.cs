namespace Nginx502Bot.Agent.Host;

public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);
