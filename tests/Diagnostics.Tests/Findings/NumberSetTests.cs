using Nginx502Bot.Diagnostics.Findings;

namespace Nginx502Bot.Diagnostics.Tests.Findings;

/// <summary>Seconds and connection ids of a finding: a set that enumerates in first-added order (merges take a prefix).</summary>
public class NumberSetTests
{
    [Fact]
    public void Numbers_EnumerateInFirstAddedOrder_WithoutDuplicates()
    {
        var set = new NumberSet();
        long[] added = [1_763_732_474, 5, -3, 64, 5, 63, -3, 1_763_732_475];
        var fresh = added.Select(set.Add).ToList();

        Assert.Equal([true, true, true, true, false, true, false, true], fresh);
        Assert.Equal([1_763_732_474, 5, -3, 64, 63, 1_763_732_475], set.ToList());
        Assert.Equal(6, set.Count);
        Assert.True(set.Contains(-3));
        Assert.False(set.Contains(-4));
        Assert.False(set.Contains(65));
    }

    [Fact]
    public void Overlaps_IsTrueOnlyWhenANumberIsShared()
    {
        var a = new NumberSet();
        var b = new NumberSet();
        a.UnionWith([10, 20, 30]);
        b.UnionWith([11, 21, 31, 41]);
        Assert.False(a.Overlaps(b));

        b.Add(30);
        Assert.True(a.Overlaps(b));
        Assert.True(b.Overlaps(a));
    }

    [Fact]
    public void ManySparseNumbers_BehaveAsAHashSet()
    {
        // Connection ids far apart: a new word each, so the word index grows many times over.
        var set = new NumberSet();
        var reference = new HashSet<long>();
        var order = new List<long>();
        var random = new Random(7);
        for (var i = 0; i < 50_000; i++)
        {
            var value = random.Next(3) == 0 ? order.Count > 0 ? order[random.Next(order.Count)] : 1 : random.NextInt64(-1L << 40, 1L << 40);
            var fresh = reference.Add(value);
            Assert.Equal(fresh, set.Add(value));
            if (fresh)
            {
                order.Add(value);
            }
        }

        Assert.Equal(order, set.ToList());
        Assert.All(order.Take(1000), v => Assert.True(set.Contains(v)));
        Assert.False(set.Contains(1L << 41));

        var other = new NumberSet();
        other.UnionWith(Enumerable.Range(0, 1000).Select(i => (1L << 42) + (i * 64L)));
        Assert.False(set.Overlaps(other));
        other.Add(order[^1]);
        Assert.True(set.Overlaps(other));
        Assert.True(other.Overlaps(set));
    }
}
