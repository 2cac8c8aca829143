using Google.Protobuf.WellKnownTypes;
using Nginx502Bot.Agent.Contract;
using Nginx502Bot.Grpc.Client;
using V1 = Nginx502Bot.Agent.Contract.V1;

namespace Nginx502Bot.Bot.Agents;

/// <summary>
/// The bot's one way to talk to an agent: a long-lived HTTP/2 channel, the bearer token and request/correlation ids on
/// every call, and a deadline on every call (sent as grpc-timeout and enforced locally).
/// </summary>
public sealed class AgentClient : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly string _token;
    private readonly TimeProvider _time;

    public AgentClient(AgentEndpoint endpoint, string token, TimeProvider time)
    {
        Endpoint = endpoint;
        _token = token;
        _time = time;
        _channel = new GrpcChannel(new Uri(endpoint.Address), new GrpcChannelOptions { TimeProvider = time });
    }

    public AgentEndpoint Endpoint { get; }

    public Task<V1.HealthResponse> HealthAsync(string correlationId, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = _time.GetUtcNow() + timeout;
        return _channel.CallUnaryAsync<V1.HealthRequest, V1.HealthResponse>(
            AgentMethods.Health, new V1.HealthRequest { Meta = Meta(correlationId, deadline) }, Metadata(correlationId), deadline, ct);
    }

    public Task<V1.GetInventoryResponse> InventoryAsync(string correlationId, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = _time.GetUtcNow() + timeout;
        return _channel.CallUnaryAsync<V1.GetInventoryRequest, V1.GetInventoryResponse>(
            AgentMethods.GetInventory, new V1.GetInventoryRequest { Meta = Meta(correlationId, deadline) }, Metadata(correlationId), deadline, ct);
    }

    /// <summary>Streams the diagnosis; progress messages go to <paramref name="onProgress"/>; returns the final result.</summary>
    public async Task<V1.DiagnoseResult> DiagnoseAsync(V1.DiagnoseRequest request, string correlationId, DateTimeOffset deadline,
        Action<V1.DiagnoseProgress>? onProgress, CancellationToken ct)
    {
        request.Meta = Meta(correlationId, deadline);
        V1.DiagnoseResult? result = null;
        await foreach (var message in _channel.CallServerStreamingAsync<V1.DiagnoseRequest, V1.DiagnoseResponse>(
            AgentMethods.Diagnose, request, Metadata(correlationId), deadline, ct))
        {
            if (message.Progress is { } progress)
            {
                onProgress?.Invoke(progress);
            }
            else if (message.Result is { } r)
            {
                result = r;
            }
        }

        return result ?? throw new InvalidOperationException($"agent {Endpoint.Name} ended the Diagnose stream without a result");
    }

    private V1.RequestMeta Meta(string correlationId, DateTimeOffset deadline) => new()
    {
        RequestId = Guid.NewGuid().ToString("N"),
        CorrelationId = correlationId,
        SentAt = Timestamp.FromDateTimeOffset(_time.GetUtcNow()),
        Deadline = Timestamp.FromDateTimeOffset(deadline),
    };

    private KeyValuePair<string, string>[] Metadata(string correlationId) =>
        [new("authorization", "Bearer " + _token), new("x-request-id", correlationId)];

    public void Dispose() => _channel.Dispose();
}
