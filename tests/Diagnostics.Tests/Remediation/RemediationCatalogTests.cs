using Nginx502Bot.Diagnostics.Remediation;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Tests.Remediation;

/// <summary>The advice a finding prints: filled in with its target, and still readable and safe to run when it has none.</summary>
public sealed class RemediationCatalogTests
{
    public static TheoryData<string> UpstreamFailures() => [.. Causes.All.Where(Causes.IsUpstreamFailure)];

    [Theory]
    [MemberData(nameof(UpstreamFailures))]
    public void TargetUnknown_AdviceHasNoHolesAndSearchesForNothingEmpty(string cause)
    {
        // A message pasted without its suffix ("connect() failed (111: ...) while connecting to upstream") names no target.
        var advice = RemediationCatalog.For(cause, TargetParts.Parse(""), scheme: null, server: null, pool: null);

        Assert.DoesNotContain("  ", advice.Meaning);
        Assert.DoesNotContain(" :", advice.Meaning);
        Assert.DoesNotContain(" .", advice.Meaning);
        Assert.DoesNotContain("()", advice.Meaning);
        Assert.DoesNotContain("''", advice.Meaning);
        Assert.False(advice.Meaning.StartsWith("the ", StringComparison.Ordinal), advice.Meaning);
        Assert.All(advice.Commands, c =>
        {
            Assert.DoesNotContain("''", c);
            Assert.DoesNotContain(":///", c);

            // The prose's stand-in never reaches a command's arguments (a comment line may speak of "the upstream block").
            Assert.True(c.StartsWith('#') || !c.Contains("the upstream", StringComparison.Ordinal), c);
        });
        Assert.All(advice.ToConfirm, q => Assert.DoesNotContain(" ?", q));
    }

    [Fact]
    public void TargetUnknown_RefusedConnection_PointsAtThePassDirectivesAndPlaceholders()
    {
        var advice = RemediationCatalog.For(Causes.UpstreamDown, TargetParts.Parse(""), null, null, null);

        Assert.StartsWith("Nothing accepted the connection on the upstream:", advice.Meaning);
        Assert.Contains("grep -Rn -E '(proxy|fastcgi|uwsgi|scgi|grpc)_pass' /etc/nginx/", advice.Commands);
        Assert.Contains(advice.Commands, c => c.Contains("http://HOST:PORT/", StringComparison.Ordinal));
    }

    [Fact]
    public void TargetKnown_AdviceNamesIt()
    {
        var advice = RemediationCatalog.For(Causes.PrematureClose, TargetParts.Parse("127.0.0.1:8000"), "http", "shop.example", null);

        Assert.StartsWith("127.0.0.1:8000 closed or reset the connection", advice.Meaning);
        var down = RemediationCatalog.For(Causes.UpstreamDown, TargetParts.Parse("127.0.0.1:8000"), "http", "shop.example", null);
        Assert.Contains("grep -Rn -- '127.0.0.1:8000' /etc/nginx/", down.Commands);
        Assert.Contains(down.Commands, c => c.Contains("http://127.0.0.1:8000/", StringComparison.Ordinal));
    }
}
