using System.Collections.Concurrent;

namespace Nginx502Bot.Bot.Commands;

/// <summary>
/// Button values are limited (Slack: 2000 characters), pastes are not. Short command texts travel in the button
/// itself (survive restarts, work across instances); long ones are kept here, bounded, under a short reference.
/// </summary>
public sealed class RerunMemory
{
    public const int MaxInlineChars = 1900;
    private const string RefPrefix = "ref:";
    private const int Capacity = 1000;
    private readonly ConcurrentDictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public string Remember(string commandText)
    {
        if (commandText.Length <= MaxInlineChars && !commandText.StartsWith(RefPrefix, StringComparison.Ordinal))
        {
            return commandText;
        }

        var key = RefPrefix + Guid.NewGuid().ToString("N");
        _texts[key] = commandText;
        _order.Enqueue(key);
        while (_order.Count > Capacity && _order.TryDequeue(out var old))
        {
            _texts.TryRemove(old, out _);
        }

        return key;
    }

    /// <summary>The command text, or null when a reference was forgotten (restart, eviction).</summary>
    public string? Recall(string value) =>
        value.StartsWith(RefPrefix, StringComparison.Ordinal) ? _texts.GetValueOrDefault(value) : value;
}
