using Nginx502Bot.Diagnostics.Findings;

namespace Nginx502Bot.Diagnostics.Tests.Findings;

/// <summary>Seconds and connection ids of a finding: a set, merged and compared for proximity a word at a time.</summary>
public class NumberSetTests
{
    [Fact]
    public void Numbers_AreKeptOnce()
    {
        var set = new NumberSet();
        long[] added = [1_763_732_474, 5, -3, 64, 5, 63, -3, 1_763_732_475];
        var fresh = added.Select(set.Add).ToList();

        Assert.Equal([true, true, true, true, false, true, false, true], fresh);
        Assert.Equal([-3, 5, 63, 64, 1_763_732_474, 1_763_732_475], set.Order());
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

        Assert.Equal(order.Order(), set.Order());
        Assert.All(order.Take(1000), v => Assert.True(set.Contains(v)));
        Assert.False(set.Contains(1L << 41));

        var other = new NumberSet();
        other.UnionWith(Enumerable.Range(0, 1000).Select(i => (1L << 42) + (i * 64L)));
        Assert.False(set.Overlaps(other));
        other.Add(order[^1]);
        Assert.True(set.Overlaps(other));
        Assert.True(other.Overlaps(set));
    }

    [Theory]
    [InlineData(10, 12, 2, true)]
    [InlineData(10, 13, 2, false)]
    [InlineData(63, 65, 2, true)]
    [InlineData(65, 63, 2, true)]
    [InlineData(0, -2, 2, true)]
    [InlineData(-3, 0, 2, false)]
    [InlineData(127, 128, 0, false)]
    [InlineData(5, 5, 0, true)]
    [InlineData(0, 63, 63, true)]
    [InlineData(0, 64, 63, false)]
    public void Within_FindsNumbersAtMostTheDistanceApart_AcrossWords(long a, long b, int distance, bool expected)
    {
        var left = new NumberSet();
        var right = new NumberSet();
        left.UnionWith([a, a + 1000]);
        right.UnionWith([b, b - 1000, b + 5000]);

        Assert.Equal(expected, left.Within(right, distance));
        Assert.Equal(expected, right.Within(left, distance));
    }

    [Fact]
    public void Within_AgreesWithPairwiseDistances()
    {
        var random = new Random(11);
        for (var round = 0; round < 200; round++)
        {
            var a = Enumerable.Range(0, random.Next(1, 30)).Select(_ => random.NextInt64(-500, 500)).ToList();
            var b = Enumerable.Range(0, random.Next(1, 30)).Select(_ => random.NextInt64(-500, 500)).ToList();
            var distance = random.Next(0, 5);
            var left = new NumberSet();
            var right = new NumberSet();
            left.UnionWith(a);
            right.UnionWith(b);

            Assert.Equal(a.Any(x => b.Any(y => Math.Abs(x - y) <= distance)), left.Within(right, distance));
        }
    }

    [Fact]
    public void UnionWithCap_AddsTheOtherSetsNumbersUpToTheCap()
    {
        var set = new NumberSet();
        set.UnionWith([1, 2, 3]);
        var other = new NumberSet();
        other.UnionWith([3, 4, 100, 200]);

        set.UnionWith(other, cap: 100);
        Assert.Equal([1, 2, 3, 4, 100, 200], set.Order());
        Assert.Equal(6, set.Count);

        var capped = new NumberSet();
        capped.UnionWith([1, 2]);
        capped.UnionWith(other, cap: 4);
        Assert.Equal(4, capped.Count);
        Assert.Equal(4, capped.ToList().Count);
        Assert.True(capped.Add(300) && capped.Contains(300));
    }
}
