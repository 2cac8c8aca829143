using Nginx502Bot.Diagnostics.Findings;

namespace Nginx502Bot.Diagnostics.Tests.Findings;

/// <summary>
/// A finding keeps the first distinct servers, hosts and paths up to a cap and counts the rest: the set must keep exactly
/// the values a plain list of distinct values would, whatever the order and however many values share a look-up slot.
/// </summary>
public sealed class CappedSetTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(20)]
    public void RandomValues_KeepTheFirstDistinctUpToTheCap_AndCountTheRest(int seed)
    {
        var random = new Random(seed);

        // Few characters and lengths: many values share a slot (length and three characters), and repeats are common.
        var pool = Enumerable.Range(0, 60).Select(_ => new string(Enumerable.Range(0, random.Next(1, 6)).Select(_ => "ab/"[random.Next(3)]).ToArray()))
            .Distinct(StringComparer.Ordinal).ToList();
        var set = new CappedSet(20);
        var kept = new List<string>();
        var more = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 2000; i++)
        {
            var value = pool[random.Next(pool.Count)];
            set.Add(value);
            if (!kept.Contains(value, StringComparer.Ordinal))
            {
                if (kept.Count < 20)
                {
                    kept.Add(value);
                }
                else
                {
                    more.Add(value);
                }
            }
        }

        Assert.True(pool.Count > 30, $"only {pool.Count} distinct values");
        Assert.Equal(kept.Order(StringComparer.Ordinal), set.Items);
        Assert.Equal(more.Count, set.More);
    }

    [Fact]
    public void EmptyValue_IsNotKept()
    {
        var set = new CappedSet(3);
        set.Add("");
        set.Add("/a");

        Assert.Equal(["/a"], set.Items);
        Assert.Equal(0, set.More);
    }
}
