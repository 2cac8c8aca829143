namespace Nginx502Bot.Bot.Cli.Diagnose;

/// <summary>
/// JSON fragments already written, by the object and number they were written from (a record's shared head, a verdict's
/// cause and status): a log repeats a few dozen of each millions of times, and copying the bytes costs less than
/// narrowing and checking the text again. Direct-mapped: a slot keeps the last key hashed to it, compared by reference
/// and number, so a collision is only a miss. Bounded: 256 slots of short fragments.
/// </summary>
internal sealed class JsonFragments
{
    private const int Slots = 256;

    private readonly Slot[] _slots = new Slot[Slots];

    /// <summary>The fragment kept for (<paramref name="owner"/>, <paramref name="number"/>), or null.</summary>
    public byte[]? Find(object owner, int hash, int number)
    {
        ref readonly var slot = ref _slots[Index(hash, number)];
        return ReferenceEquals(slot.Owner, owner) && slot.Number == number ? slot.Bytes : null;
    }

    public void Keep(object owner, int hash, int number, ReadOnlySpan<byte> bytes) =>
        _slots[Index(hash, number)] = new Slot(owner, number, bytes.ToArray());

    private static int Index(int hash, int number) => ((hash * 31) ^ number) & (Slots - 1);

    private readonly record struct Slot(object? Owner, int Number, byte[]? Bytes);
}
