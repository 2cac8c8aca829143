using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Nginx502Bot.Agent.Bench;
using Nginx502Bot.Bot.Tests.Infrastructure;

namespace Nginx502Bot.Bot.Bench;

/// <summary>
/// Open-loop load: request i leaves at i / rate seconds whatever the earlier ones are doing (a closed loop would hide
/// queueing). Each command pastes an nginx error line, so every ack is followed by a real diagnosis in the background.
/// </summary>
public static class AckBench
{
    private const string Line = "2026/11/21 10:00:00 [error] 1234#1234: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.1, server: shop.example.com, request: \"GET / HTTP/1.1\", upstream: \"http://127.0.0.1:8000/\", host: \"shop.example.com\"";

    public static async Task<List<Row>> RunAsync(int rate, TimeSpan duration)
    {
        await using var slack = await LocalSlackServer.StartAsync();
        await using var bot = await RealBot.StartAsync(slack, []);
        // Warm-up (JIT, thread pool, connections) is not what the target is about: steady state is.
        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => SendAsync(bot.Client, $"warm-{i}", new(), new())));
        await LocalSlackServer.WaitUntilAsync(() => slack.CallsTo("chat.postMessage").Count >= 100, TimeSpan.FromSeconds(30));
        var warmPosts = slack.CallsTo("chat.postMessage").Count;

        var count = (int)(rate * duration.TotalSeconds);
        var latencies = new ConcurrentBag<double>();
        var statuses = new ConcurrentBag<HttpStatusCode>();
        var sends = new List<Task>(count);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero) { await Task.Delay(due); }
            sends.Add(SendAsync(bot.Client, $"load-{i}", latencies, statuses));
        }

        var sendSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        await Task.WhenAll(sends);
        var answered = await LocalSlackServer.WaitUntilAsync(() => slack.CallsTo("chat.postMessage").Count >= warmPosts + count, TimeSpan.FromSeconds(60));
        var posts = slack.CallsTo("chat.postMessage").Count - warmPosts;
        var ok = statuses.Count(s => s == HttpStatusCode.OK);
        var achieved = count / sendSeconds;
        return
        [
            Row.Of($"ack p50, {count} signed /502 at {rate}/s open loop", Stats.Median(latencies), "ms", null, $"offered {achieved:0} req/s"),
            Row.Of($"ack p99, {count} signed /502 at {rate}/s open loop", Stats.Percentile(latencies, 99), "ms", 50),
            Row.Of("ack max", latencies.Max(), "ms"),
            new Row("acks HTTP 200 / answers posted (chat.postMessage)", $"{ok}/{count} / {posts}/{count}{(answered ? "" : " (60 s bound hit)")}", "all", ok == count && posts >= count),
        ];
    }

    private static async Task SendAsync(HttpClient client, string trigger, ConcurrentBag<double> latencies, ConcurrentBag<HttpStatusCode> statuses)
    {
        using var request = SlashCommands.Request(Line, "CLOAD", trigger);
        var sent = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request);
            latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            statuses.Add(response.StatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            statuses.Add(HttpStatusCode.ServiceUnavailable);
        }
    }
}
