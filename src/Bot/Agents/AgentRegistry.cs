using Microsoft.Extensions.Options;

namespace Nginx502Bot.Bot.Agents;

/// <summary>One <see cref="AgentClient"/> per configured endpoint, created once; looked up by endpoint name or reported host name.</summary>
public sealed class AgentRegistry : IDisposable
{
    private readonly List<AgentClient> _clients;
    private readonly Dictionary<string, AgentClient> _byHost = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    public AgentRegistry(IOptions<AgentsOptions> options, TimeProvider time)
    {
        _clients = [.. options.Value.Endpoints.Select(e => new AgentClient(e, ReadToken(e), time))];
        foreach (var c in _clients)
        {
            _byHost[c.Endpoint.Name.Length > 0 ? c.Endpoint.Name : c.Endpoint.Address] = c;
        }
    }

    public IReadOnlyList<AgentClient> Clients => _clients;

    /// <summary>
    /// Remembers the host name an agent reported, so answers and <c>on HOST</c> use it, and returns the name to show.
    /// Two endpoints may report the same host name (containers, several agents on one machine): the second keeps its
    /// own identity as <c>host (endpoint)</c> instead of taking over the first one's calls.
    /// </summary>
    public string Learn(string host, AgentClient client)
    {
        if (host.Length == 0)
        {
            return client.Endpoint.Name;
        }

        lock (_gate)
        {
            var name = _byHost.TryGetValue(host, out var owner) && owner != client ? $"{host} ({client.Endpoint.Name})" : host;
            _byHost[name] = client;
            return name;
        }
    }

    public AgentClient? Find(string host)
    {
        lock (_gate)
        {
            return _byHost.GetValueOrDefault(host);
        }
    }

    private static string ReadToken(AgentEndpoint e)
    {
        if (!string.IsNullOrEmpty(e.Token))
        {
            return e.Token;
        }

        try
        {
            return File.ReadLines(e.TokenFile!).FirstOrDefault()?.Trim() ?? "";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"agent '{e.Name}': cannot read its token file ({ex.Message})", ex);
        }
    }

    public void Dispose() => _clients.ForEach(c => c.Dispose());
}
