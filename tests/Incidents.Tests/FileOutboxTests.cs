using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nginx502Bot.Incidents.Configuration;
using Nginx502Bot.Incidents.Model;
using Nginx502Bot.Incidents.Outbox;

namespace Nginx502Bot.Incidents.Tests;

public sealed class FileOutboxTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "n502-fileoutbox-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Reopened_KeepsEntriesInOrder()
    {
        using (var outbox = Open())
        {
            for (var i = 0; i < 5; i++)
            {
                outbox.Append(seq => Entry(seq, $"k{i}"));
            }
        }

        using var reopened = Open();
        Assert.Equal(["k0", "k1", "k2", "k3", "k4"], reopened.Pending.Select(e => e.Events[0].IdempotencyKey));
        Assert.Equal(6, reopened.Append(seq => Entry(seq, "k5")).Sequence);
    }

    [Fact]
    public void TornLastLine_IgnoredAndNextAppendStillReadable()
    {
        using (var outbox = Open())
        {
            outbox.Append(seq => Entry(seq, "whole"));
        }

        File.AppendAllText(Path.Combine(dir, "outbox.jsonl"), "{\"sequence\":2,\"events\":[{\"incid");
        using (var outbox = Open())
        {
            Assert.Single(outbox.Pending);
            outbox.Append(seq => Entry(seq, "after"));
        }

        using var again = Open();
        Assert.Equal(["whole", "after"], again.Pending.Select(e => e.Events[0].IdempotencyKey));
    }

    [Fact]
    public void AtBound_RefusesInsteadOfDropping()
    {
        using var outbox = Open(maxEntries: 2);
        outbox.Append(seq => Entry(seq, "a"));
        outbox.Append(seq => Entry(seq, "b"));

        Assert.Throws<OutboxFullException>(() => outbox.Append(seq => Entry(seq, "c")));
        Assert.Equal(["a", "b"], outbox.Pending.Select(e => e.Events[0].IdempotencyKey));
    }

    [Fact]
    public void SecondInstanceOnSameDirectory_Refused()
    {
        using var first = Open();

        Assert.Throws<IOException>(() => Open());
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private FileOutbox Open(int maxEntries = 100) =>
        new(Options.Create(new IncidentsOptions { OutboxDirectory = dir, OutboxMaxEntries = maxEntries }), NullLogger<FileOutbox>.Instance);

    private static OutboxEntry Entry(long sequence, string key)
    {
        var t = DateTimeOffset.Parse("2026-11-20T03:00:00Z");
        return new OutboxEntry
        {
            Sequence = sequence,
            Events = [new TimelineEvent { IncidentId = Guid.Empty, Kind = TimelineEventKind.Note, OccurredAt = t, RecordedAt = t, Actor = "u", Summary = "s", IdempotencyKey = key }],
        };
    }
}
