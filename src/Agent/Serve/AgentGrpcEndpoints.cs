using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nginx502Bot.Agent.Contract;
using Nginx502Bot.Agent.Service;
using Nginx502Bot.Grpc.Server;
using Nginx502Bot.Grpc.Status;
using V1 = Nginx502Bot.Agent.Contract.V1;

namespace Nginx502Bot.Agent.Serve;

/// <summary>Maps the three RPCs onto <see cref="AgentService"/>, turning refusals into gRPC status codes.</summary>
public static class AgentGrpcEndpoints
{
    public static void MapAgentGrpc(this WebApplication app)
    {
        var agent = app.Services.GetRequiredService<AgentService>();
        var diagnoses = new SemaphoreSlim(app.Services.GetRequiredService<IOptions<ServeOptions>>().Value.MaxConcurrentDiagnoses);

        app.MapGrpcUnary<V1.HealthRequest, V1.HealthResponse>(AgentMethods.Health, (r, _, ct) => agent.HealthAsync(r, ct));
        app.MapGrpcUnary<V1.GetInventoryRequest, V1.GetInventoryResponse>(AgentMethods.GetInventory, (r, _, ct) => agent.GetInventoryAsync(r, ct));
        app.MapGrpcServerStreaming<V1.DiagnoseRequest, V1.DiagnoseResponse>(AgentMethods.Diagnose, async (request, writer, _, ct) =>
        {
            if (!await diagnoses.WaitAsync(0, ct)) { throw new GrpcCallException(GrpcStatusCode.ResourceExhausted, "Another diagnosis is running; retry shortly."); }
            try
            {
                await foreach (var message in agent.DiagnoseAsync(request, ct)) { await writer.WriteAsync(message, ct); }
            }
            catch (AgentRequestException e)
            {
                throw new GrpcCallException(GrpcStatusCode.InvalidArgument, e.Message);
            }
            finally
            {
                diagnoses.Release();
            }
        });
        // A RequestDelegate keeps minimal-API reflection (and its AOT warnings) out of the agent.
        app.MapGet("/healthz", new RequestDelegate(c => c.Response.WriteAsync("ok", c.RequestAborted)));
    }
}
