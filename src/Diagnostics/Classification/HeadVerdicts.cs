using Nginx502Bot.Diagnostics.Parsing;

namespace Nginx502Bot.Diagnostics.Classification;

/// <summary>
/// Verdicts by (<see cref="RecordHead"/>, <see cref="VerdictKey.FlagsOf"/>), direct-mapped: a record whose head is shared
/// holds its message, errno and action by reference, so a repeat is found without hashing or comparing their text.
/// A slot holds the last pair hashed to it; a collision is only a miss. Bounded: 1024 slots (the heads they refer to are
/// at most 200 characters). Not thread-safe: one per thread.
/// </summary>
internal sealed class HeadVerdicts
{
    private const int Slots = 1024;

    private readonly Slot[] _slots = new Slot[Slots];

    public bool TryGet(RecordHead head, int flags, out Verdict verdict)
    {
        ref readonly var slot = ref _slots[Index(head, flags)];
        if (ReferenceEquals(slot.Head, head) && slot.Flags == flags)
        {
            verdict = slot.Verdict;
            return true;
        }

        verdict = default;
        return false;
    }

    public void Set(RecordHead head, int flags, Verdict verdict) => _slots[Index(head, flags)] = new Slot(head, flags, verdict);

    private static int Index(RecordHead head, int flags) => ((head.Id * 31) ^ flags ^ (flags >> 16)) & (Slots - 1);

    private readonly record struct Slot(RecordHead? Head, int Flags, Verdict Verdict);
}
