using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Nginx502Bot.Bot.Commands;

namespace Nginx502Bot.Bot.Teams.Tests.Teams;

/// <summary>deploy/teams-app-manifest.json stays consistent with itself, its icons and the commands the bot understands.</summary>
public sealed class TeamsAppManifestTests
{
    private static readonly JsonObject Manifest = JsonNode.Parse(File.ReadAllText(Fixture("teams-app-manifest.json")))!.AsObject();

    [Fact]
    public void AppIdPlaceholders_AgreeEverywhere()
    {
        var id = Manifest["id"]!.GetValue<string>();

        Assert.True(Guid.TryParse(id, out _));
        Assert.Equal(id, Manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(id, Manifest["webApplicationInfo"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public void ListedCommands_AreKeywordsTheParserKnows()
    {
        var commands = Manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToList();

        Assert.NotEmpty(commands);
        Assert.All(commands, title =>
        {
            var parsed = CommandParser.Parse(TeamsText.CommandText(title));
            Assert.NotEqual(CommandKind.Diagnose, parsed.Kind);
            Assert.True(parsed.Kind != CommandKind.Help || title.EndsWith("help", StringComparison.Ordinal), title);
        });
    }

    [Theory]
    [InlineData("color", 192)]
    [InlineData("outline", 32)]
    public void Icons_ExistWithTheSizesTeamsRequires(string name, int size)
    {
        var file = Manifest["icons"]![name]!.GetValue<string>();
        var png = File.ReadAllBytes(Fixture(file));

        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
