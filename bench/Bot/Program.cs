using Nginx502Bot.Agent.Bench;
using Nginx502Bot.Bot.Bench;

// Usage (see bench/bot.sh): botbench AGENT_DLL FIXTURE_ROOT [AGENT_COUNTS=1,10,100]
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: botbench AGENT_DLL FIXTURE_ROOT [1,10,100]");
    return 2;
}

var counts = (args.Length > 2 ? args[2] : "1,10,100").Split(',').Select(int.Parse).ToArray();
var rows = new List<Row>();
rows.AddRange(await AckBench.RunAsync(rate: 200, duration: TimeSpan.FromSeconds(10)));
foreach (var n in counts)
{
    rows.AddRange(await AnswerBench.RunAsync(n, args[0], args[1]));
}

Console.WriteLine();
Row.Print(rows);
return 0;
