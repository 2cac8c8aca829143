using Microsoft.Extensions.Options;
using Nginx502Bot.Incidents.Configuration;
using Nginx502Bot.Incidents.Pages;
using Nginx502Bot.Incidents.Tests.Infrastructure;

namespace Nginx502Bot.Incidents.Tests;

public sealed class SignedLinksTests
{
    private readonly ManualClock clock = new(DateTimeOffset.Parse("2026-11-20T03:00:00Z"));

    [Fact]
    public void FreshLink_Verifies()
    {
        var links = Links();
        var (exp, sig) = Parse(links.IncidentUrl(42));

        Assert.True(links.Verify("42", exp, sig));
    }

    [Fact]
    public void OtherIncidentOrTamperedSignature_Rejected()
    {
        var links = Links();
        var (exp, sig) = Parse(links.IncidentUrl(42));

        Assert.False(links.Verify("43", exp, sig));
        Assert.False(links.Verify("42", exp + 1, sig));
        Assert.False(links.Verify("42", exp, new string('0', 64)));
    }

    [Fact]
    public void ExpiredLink_Rejected()
    {
        var links = Links();
        var (exp, sig) = Parse(links.PostmortemUrl(42));
        clock.Advance(TimeSpan.FromDays(8));

        Assert.False(links.Verify("42", exp, sig));
    }

    private SignedLinks Links() => new(Options.Create(new PagesOptions { SigningKey = Convert.ToBase64String(new byte[32]) }), clock);

    private static (long Exp, string Sig) Parse(string url)
    {
        var query = new Uri(url).Query.TrimStart('?').Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        return (long.Parse(query["exp"]), query["sig"]);
    }
}
