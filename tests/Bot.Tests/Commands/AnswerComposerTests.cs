using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Bot.Commands;
using Nginx502Bot.Bot.Dispatch;
using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Diagnostics.Findings;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Bot.Tests.Commands;

public class AnswerComposerTests
{
    private static Finding Finding(string cause, string root, string target, params string[] fix) => new()
    {
        Cause = cause, RootCause = root, Target = target, Count = 1, Confidence = Confidence.High, Summary = $"{root}: summary", Remediation = fix,
    };

    [Fact]
    public void RootCauseEstablishedOnAHost_LeadsTheAnswerWithItsFix()
    {
        var pasted = new[] { Finding("upstream_down", "upstream_down", "127.0.0.1:8000", "ss -ltnp") };
        var host = new AgentDiagnosis("web01", [Finding("upstream_down", "wrong_target", "127.0.0.1:8000", "In app.conf:12 change `:8000` to `:8001`")], []);
        var progress = new DispatchProgress([new HostOutcome("web01", HostOutcomeKind.Answered, host, null, TimeSpan.FromMilliseconds(50))], Complete: true);

        var reply = AnswerComposer.ForDispatch("502 diagnosis", pasted, progress, new AnswerButtons("rerun", null));

        Assert.StartsWith("502 diagnosis: wrong_target", reply.Text, StringComparison.Ordinal);
        var lead = Assert.IsType<ReplyParagraph>(reply.Parts[1]);
        Assert.Contains("established on web01", lead.Text, StringComparison.Ordinal);
        Assert.Contains("`wrong_target`", lead.Text, StringComparison.Ordinal);
        Assert.Contains("In app.conf:12 change `:8000` to `:8001`", Assert.IsType<ReplyCode>(reply.Parts[2]).Lines);
    }

    [Fact]
    public void RequestRetriedOnAnotherMember_ClientsSawNamesOnlyTheStatusTheClientGot()
    {
        // nginx-502-messages.md Appendix A's *15: a connect timeout on one member, then the next refuses; the client got 502.
        var findings = DiagnosisEngine.Analyze(
            "2026/11/21 13:41:14 [error] 1#1: *15 upstream timed out (110: Connection timed out) while connecting to upstream, client: 127.0.0.1, server: , request: \"GET /t HTTP/1.1\", upstream: \"http://127.0.0.1:19106/t\", host: \"h\"\n" +
            "2026/11/21 13:41:15 [error] 1#1: *15 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: , request: \"GET /t HTTP/1.1\", upstream: \"http://127.0.0.1:18999/t\", host: \"h\"").Findings;

        var reply = AnswerComposer.ForFindings("502 diagnosis", findings, new AnswerButtons("rerun", null), []);

        var clientsSaw = reply.Parts.OfType<ReplyFields>().SelectMany(f => f.Fields).Where(f => f.Key == "Clients saw").Select(f => f.Value).Order().ToList();
        Assert.Equal(["502 ×1", "retried on another member ×1"], clientsSaw);
    }

    [Fact]
    public void NoHostRefinement_KeepsTheLineLevelRootCauseFirst()
    {
        var pasted = new[] { Finding("upstream_down", "upstream_down", "127.0.0.1:8000", "ss -ltnp") };
        var host = new AgentDiagnosis("web01", [Finding("upstream_down", "upstream_down", "127.0.0.1:8000")], []);
        var progress = new DispatchProgress([new HostOutcome("web01", HostOutcomeKind.Answered, host, null, TimeSpan.Zero)], Complete: true);

        var reply = AnswerComposer.ForDispatch("502 diagnosis", pasted, progress, new AnswerButtons("rerun", null));

        Assert.StartsWith("502 diagnosis: upstream_down", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.Parts.OfType<ReplyParagraph>(), p => p.Text.Contains("established on", StringComparison.Ordinal));
    }
}
