namespace Nginx502Bot.Bot.Agents;

/// <summary>One host agent the bot may call: its gRPC address and the bearer token it requires.</summary>
public sealed class AgentEndpoint
{
    /// <summary>Name used until the agent reports its host name (also the key for <c>/502 … on NAME</c>).</summary>
    public string Name { get; set; } = "";

    /// <summary><c>https://web01.example:50051</c>, or <c>http://127.0.0.1:50051</c> (h2c, loopback only).</summary>
    public string Address { get; set; } = "";

    /// <summary>Bearer token; prefer <see cref="TokenFile"/> or the environment so it never sits in appsettings.json.</summary>
    public string? Token { get; set; }

    /// <summary>File holding the token (first line), read at start.</summary>
    public string? TokenFile { get; set; }
}
