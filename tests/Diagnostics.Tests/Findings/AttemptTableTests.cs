using Nginx502Bot.Diagnostics.Findings;

namespace Nginx502Bot.Diagnostics.Tests.Findings;

/// <summary>The retry-tracking table must answer exactly as a dictionary would, whatever the connection ids look like.</summary>
public class AttemptTableTests
{
    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(2, 0.3)]
    [InlineData(3, 0.9)]
    public void RandomExchanges_AnswerAsADictionaryDoes(int seed, double sameConnectionShare)
    {
        var random = new Random(seed);
        var table = new AttemptTable();
        var model = new Dictionary<(long, int), int>();
        long cid = 1;
        for (var i = 0; i < 300_000; i++)
        {
            // Mostly rising connection ids, some keep-alive connections with many requests, some old and huge ids.
            var r = random.NextDouble();
            var c = r < sameConnectionShare ? 7 : r > 0.98 ? random.NextInt64(0, long.MaxValue) : cid += random.Next(0, 3);
            var request = c == 7 ? random.Next() : random.Next(0, 4);
            var target = random.Next(0, 5);
            if (model.Count >= AttemptTable.Capacity)
            {
                Assert.Equal(model.GetValueOrDefault((c, request), -1), table.Get(c, request));
                model.Clear();
                table.Clear();
            }

            var expected = model.GetValueOrDefault((c, request), -1);
            model[(c, request)] = target;
            Assert.Equal(expected, table.Exchange(c, request, target));
            Assert.Equal(model.Count, table.Count);
        }
    }

    [Fact]
    public void OneConnectionWithManyRequests_StaysCorrectAndFast()
    {
        var table = new AttemptTable();
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var request = 0; request < AttemptTable.Capacity; request++)
        {
            Assert.Equal(-1, table.Exchange(42, request, 0));
        }

        for (var request = 0; request < AttemptTable.Capacity; request++)
        {
            Assert.Equal(0, table.Exchange(42, request, 1));
        }

        Assert.Equal(AttemptTable.Capacity, table.Count);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"took {started.Elapsed}");
    }
}
