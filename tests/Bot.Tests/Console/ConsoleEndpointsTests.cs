using System.Net.Http.Json;
using System.Text.Json;
using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Bot.Commands;
using Nginx502Bot.Bot.Dispatch;
using Nginx502Bot.Bot.LocalConsole;
using Nginx502Bot.Bot.Tests.Infrastructure;

namespace Nginx502Bot.Bot.Tests.Console;

/// <summary>The local console over real HTTP: same handlers, answer rendered to HTML.</summary>
public sealed class ConsoleEndpointsTests
{
    [Fact]
    public async Task PastedLines_GetRootCauseAndFixAsHtml()
    {
        await using var slack = await LocalSlackServer.StartAsync();
        await using var bot = await BotHost.StartAsync(slack);

        using var response = await bot.Client.PostAsJsonAsync("/console/send", new { text = "/502 " + NginxLines.Refused });

        using var messages = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var html = messages.RootElement.EnumerateArray().Last().GetProperty("html").GetString()!;
        Assert.Contains("<code>upstream_down</code>", html, StringComparison.Ordinal);
        Assert.Contains("<pre>", html, StringComparison.Ordinal);
        Assert.Contains("data-action=\"rerun\"", html, StringComparison.Ordinal);
        Assert.Empty(slack.Calls);
    }

    [Fact]
    public async Task RerunButton_ReplaysTheCommand()
    {
        await using var slack = await LocalSlackServer.StartAsync();
        await using var bot = await BotHost.StartAsync(slack);
        using var first = await bot.Client.PostAsJsonAsync("/console/send", new { text = NginxLines.SocketMissing });
        using var firstJson = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        var answer = firstJson.RootElement.EnumerateArray().Last();
        var html = answer.GetProperty("html").GetString()!;
        var value = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "data-action=\"rerun\" data-value=\"([^\"]*)\"").Groups[1].Value);

        using var rerun = await bot.Client.PostAsJsonAsync("/console/action", new { messageId = answer.GetProperty("id").GetString(), actionId = "rerun", value });

        using var all = JsonDocument.Parse(await rerun.Content.ReadAsStringAsync());
        var answers = all.RootElement.EnumerateArray().Count(m => m.GetProperty("html").GetString()!.Contains("unix_socket_missing", StringComparison.Ordinal));
        Assert.Equal(2, answers);
    }

    [Fact]
    public async Task Page_IsServed()
    {
        await using var slack = await LocalSlackServer.StartAsync();
        await using var bot = await BotHost.StartAsync(slack);

        var page = await bot.Client.GetStringAsync("/");

        Assert.Contains("nginx502bot local console", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForeignHostHeader_IsForbidden()
    {
        await using var slack = await LocalSlackServer.StartAsync();
        await using var bot = await BotHost.StartAsync(slack);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/console/send") { Content = JsonContent.Create(new { text = "agents" }) };
        request.Headers.Host = "attacker.example";

        using var response = await bot.Client.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task WithoutAnySlackConfiguration_ConsoleAnswers()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions.UseUrls(builder.WebHost, "http://127.0.0.1:0");
        builder.Services.AddChat().AddDispatch(builder.Configuration).AddChatCommands().AddConsole(builder.Configuration);
        await using var app = builder.Build();
        app.MapConsole();
        await app.StartAsync();
        var address = app.Urls.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        using var response = await client.PostAsJsonAsync("/console/send", new { text = "/502 " + NginxLines.Refused });

        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("upstream_down", body, StringComparison.Ordinal);
        await app.StopAsync();
    }
}
