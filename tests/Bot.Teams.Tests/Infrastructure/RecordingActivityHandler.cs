using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Nginx502Bot.Bot.Teams.Tests.Infrastructure;

/// <summary>Wraps the real <see cref="TeamsInboundHandler"/> and records every activity that reached it.</summary>
public sealed class RecordingActivityHandler(TeamsInboundHandler inner) : ITeamsActivityHandler
{
    private readonly ConcurrentQueue<TeamsActivity> _handled = new();

    public IReadOnlyList<TeamsActivity> Handled => [.. _handled];

    public Task<IResult> HandleAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        _handled.Enqueue(activity);
        return inner.HandleAsync(activity, cancellationToken);
    }
}
