using Nginx502Bot.Diagnostics.Parsing;

namespace Nginx502Bot.Diagnostics.Classification;

/// <summary>
/// Verdicts by (message, action, <see cref="VerdictKey"/>), direct-mapped: a slot holds the last key hashed to it, and a
/// hit is verified character by character, so a collision is only a miss. Bounded: 4096 slots of at most a few hundred
/// characters each. Not thread-safe: one per thread.
/// </summary>
internal sealed class VerdictCache
{
    private const int Slots = 4096;

    private readonly Entry[] _entries = new Entry[Slots];

    public bool TryGet(ReadOnlySpan<char> text, in NginxLine line, VerdictKey key, out Verdict verdict)
    {
        var entry = _entries[key.Hash & (Slots - 1)];
        if (entry is not null && entry.Key == key && entry.Matches(line.Message.Of(text), line.Action.Of(text)))
        {
            verdict = entry.Verdict;
            return true;
        }

        verdict = default;
        return false;
    }

    public void Set(ReadOnlySpan<char> text, in NginxLine line, VerdictKey key, Verdict verdict)
    {
        ref var entry = ref _entries[key.Hash & (Slots - 1)];
        entry ??= new Entry();
        entry.Store(key, line.Message.Of(text), line.Action.Of(text), verdict);
    }

    private sealed class Entry
    {
        private char[] _chars = new char[64];
        private int _messageLength;
        private int _actionLength;

        public VerdictKey Key { get; private set; }
        public Verdict Verdict { get; private set; }

        public bool Matches(ReadOnlySpan<char> message, ReadOnlySpan<char> action) =>
            message.Length == _messageLength && action.Length == _actionLength
            && message.SequenceEqual(_chars.AsSpan(0, _messageLength))
            && action.SequenceEqual(_chars.AsSpan(_messageLength, _actionLength));

        public void Store(VerdictKey key, ReadOnlySpan<char> message, ReadOnlySpan<char> action, Verdict verdict)
        {
            if (_chars.Length < message.Length + action.Length)
            {
                _chars = new char[message.Length + action.Length];
            }

            message.CopyTo(_chars);
            action.CopyTo(_chars.AsSpan(message.Length));
            _messageLength = message.Length;
            _actionLength = action.Length;
            Key = key;
            Verdict = verdict;
        }
    }
}
