using Microsoft.Extensions.Logging;
using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Bot.Commands;
using Nginx502Bot.Incidents.Storage;

namespace Nginx502Bot.Bot.Incidents;

/// <summary>
/// Opt-outs kept in PostgreSQL (<c>channel_opt_outs</c>), so they survive restarts and hold on every instance.
/// Every overheard message asks, so reads come from a snapshot of the table refreshed at most every
/// <see cref="Refresh"/>; a change is written through and applies here at once. While PostgreSQL is unreachable the
/// last snapshot plus this instance's own changes answer (the change is retried on the next refresh), and the
/// database is left alone for <see cref="Refresh"/>; a read never waits more than <see cref="DatabaseTimeout"/>.
/// </summary>
public sealed partial class PostgresChannelOptOut(ChannelOptOutRepository repository, TimeProvider time, ILogger<PostgresChannelOptOut> logger)
    : IChannelOptOut
{
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(1.5);

    private readonly Lock _gate = new();
    private readonly Dictionary<ChatConversation, bool> _unsaved = [];
    private HashSet<ChatConversation> _snapshot = [];
    private DateTimeOffset _nextRefresh = DateTimeOffset.MinValue;

    public async ValueTask<bool> IsOptedOutAsync(ChatConversation conversation, CancellationToken cancellationToken)
    {
        await RefreshIfDueAsync(cancellationToken);
        lock (_gate)
        {
            return _unsaved.TryGetValue(conversation, out var pending) ? pending : _snapshot.Contains(conversation);
        }
    }

    public async ValueTask SetOptedOutAsync(ChatConversation conversation, bool optedOut, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _unsaved[conversation] = optedOut;
        }

        await SaveUnsavedAsync(cancellationToken);
    }

    private async Task RefreshIfDueAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (time.GetUtcNow() < _nextRefresh)
            {
                return;
            }

            _nextRefresh = time.GetUtcNow() + Refresh;
        }

        if (!await SaveUnsavedAsync(cancellationToken))
        {
            return;
        }

        var rows = await TryAsync(ct => repository.ListAsync(ct), cancellationToken);
        if (rows is null)
        {
            return;
        }

        var snapshot = rows.Select(r => new ChatConversation(r.ChatChannel, r.ConversationId)).ToHashSet();
        lock (_gate)
        {
            _snapshot = snapshot;
        }
    }

    /// <summary>Writes this instance's pending changes; false when the database could not be reached.</summary>
    private async Task<bool> SaveUnsavedAsync(CancellationToken cancellationToken)
    {
        KeyValuePair<ChatConversation, bool>[] pending;
        lock (_gate)
        {
            pending = [.. _unsaved];
        }

        foreach (var (conversation, optedOut) in pending)
        {
            var saved = await TryAsync(async ct =>
            {
                await repository.SetAsync(conversation.Channel, conversation.Id, optedOut, ct);
                return true;
            }, cancellationToken);
            if (!saved)
            {
                return false;
            }

            lock (_gate)
            {
                if (_unsaved.TryGetValue(conversation, out var latest) && latest == optedOut)
                {
                    _unsaved.Remove(conversation);
                    if (optedOut) { _snapshot.Add(conversation); } else { _snapshot.Remove(conversation); }
                }
            }
        }

        return true;
    }

    private async Task<T?> TryAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(DatabaseTimeout);
        try
        {
            return await call(deadline.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && (ex is OperationCanceledException || Transient.IsUnavailable(ex)))
        {
            lock (_gate)
            {
                _nextRefresh = time.GetUtcNow() + Refresh;
            }

            LogUnreachable(logger, ex.GetType().Name);
            return default;
        }
    }

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "PostgreSQL unreachable for channel opt-outs ({Reason}); using this instance's last known list")]
    private static partial void LogUnreachable(ILogger logger, string reason);
}
