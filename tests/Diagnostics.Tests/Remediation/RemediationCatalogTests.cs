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

    [Fact]
    public void FastcgiSocket_HeaderCheckedWithCgiFcgiOnTheSocket_NotWithCurlOnNginxItself()
    {
        var advice = RemediationCatalog.For(Causes.HeaderTooBig, TargetParts.Parse("unix:/run/php/php8.2-fpm.sock"), "fastcgi", "a.example", null);

        Assert.Contains(advice.Commands, c => c.StartsWith("SCRIPT_FILENAME=", StringComparison.Ordinal)
            && c.Contains("cgi-fcgi -bind -connect /run/php/php8.2-fpm.sock | sed", StringComparison.Ordinal) && c.EndsWith("| wc -c", StringComparison.Ordinal));
        Assert.DoesNotContain(advice.Commands, c => c.Contains("curl", StringComparison.Ordinal));
        Assert.Contains("# in the server block for a.example: fastcgi_buffer_size 16k; fastcgi_buffers 8 16k;", advice.Commands);
    }

    [Theory]
    [InlineData("unix:/run/gunicorn.sock", "http", "curl -sS -v --raw -o /dev/null --unix-socket /run/gunicorn.sock http://localhost/")]
    [InlineData("10.0.0.9:8443", "https", "curl -k -sS -v --raw -o /dev/null https://10.0.0.9:8443/")]
    [InlineData("[::1]:8080", "http", "curl -sS -v --raw -o /dev/null http://[::1]:8080/")]
    [InlineData("127.0.0.1:9000", "fastcgi", "SCRIPT_FILENAME=/path/to/index.php REQUEST_METHOD=GET cgi-fcgi -bind -connect 127.0.0.1:9000 | head -n 20")]
    [InlineData("127.0.0.1:50051", "grpc", "grpcurl -plaintext 127.0.0.1:50051 list")]
    public void DirectRequest_SpeaksTheSchemeNginxSpeaks(string target, string scheme, string expected)
    {
        var advice = RemediationCatalog.For(Causes.InvalidHeader, TargetParts.Parse(target), scheme, null, null);

        Assert.Equal([expected], advice.Commands);
    }

    [Theory]
    [InlineData(Causes.UpstreamDown, "10.0.0.5:5432", "stream", "nc -vz -w 3 10.0.0.5 5432")]
    [InlineData(Causes.UpstreamDown, "10.0.0.5:25", "mail", "nc -vz -w 3 10.0.0.5 25")]
    [InlineData(Causes.UpstreamTimeoutRead, "unix:/run/redis/redis.sock", "stream", "time nc -vzU /run/redis/redis.sock")]
    public void StreamAndMailTargets_ConnectWithoutSpeakingHttp(string cause, string target, string scheme, string expected)
    {
        var advice = RemediationCatalog.For(cause, TargetParts.Parse(target), scheme, null, null);

        Assert.Contains(expected, advice.Commands);
        Assert.DoesNotContain(advice.Commands, c => c.Contains("curl", StringComparison.Ordinal) || c.Contains("_read_timeout", StringComparison.Ordinal));
    }

    [Fact]
    public void StreamSessionCutMidway_TalksOfTheSessionAndItsProxyTimeout()
    {
        var advice = RemediationCatalog.For(Causes.ResponseTruncated, TargetParts.Parse("10.0.0.9:5432"), "stream", null, null);

        Assert.Contains("stream session with 10.0.0.9:5432", advice.Meaning);
        Assert.DoesNotContain("header", advice.Meaning);
        Assert.Equal(["grep -Rn -w 'proxy_timeout' /etc/nginx/"], advice.Commands);
    }

    [Theory]
    [InlineData("unix:/run/app.sock", "ss -xl | grep -F '/run/app.sock'")]
    [InlineData("10.0.0.9:8080", "ss -ltn '( sport = :8080 )'")]
    public void ConnectTimeout_ReadsTheListenQueueOfTheSocketsFamily(string target, string expected)
    {
        var advice = RemediationCatalog.For(Causes.UpstreamTimeoutConnect, TargetParts.Parse(target), "http", null, null);

        Assert.Contains(expected, advice.Commands);
    }

    [Theory]
    [InlineData(Causes.PrematureClose)]
    [InlineData(Causes.ConnectionReset)]
    public void StreamSessionClosedByTheBackend_NoHttpHeaderOrKeepaliveAdvice(string cause)
    {
        var advice = RemediationCatalog.For(cause, TargetParts.Parse("10.0.0.9:6379"), "stream", null, null);

        Assert.Equal("10.0.0.9:6379 closed or reset the stream session.", advice.Meaning);
        Assert.Contains("nc -vz -w 3 10.0.0.9 6379", advice.Commands);
        Assert.DoesNotContain(advice.Commands.Concat(advice.LikelyCauses), c => c.Contains("keepalive", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void MailBackendSilent_ToldAsASessionWithProxyTimeout()
    {
        var advice = RemediationCatalog.For(Causes.UpstreamTimeoutRead, TargetParts.Parse("10.0.0.5:143"), "mail", null, null);

        Assert.Equal("10.0.0.5:143 accepted the mail session but sent nothing within proxy_timeout.", advice.Meaning);
        Assert.Equal(["time nc -vz -w 3 10.0.0.5 143", "grep -Rn -w 'proxy_timeout' /etc/nginx/"], advice.Commands);
    }

    [Fact]
    public void UwsgiTarget_NoClientCommandIsMadeUp()
    {
        var advice = RemediationCatalog.For(Causes.HeaderTooBig, TargetParts.Parse("127.0.0.1:3031"), "uwsgi", null, null);

        Assert.DoesNotContain(advice.Commands, c => c.Contains("curl", StringComparison.Ordinal) || c.StartsWith(" |", StringComparison.Ordinal));
        Assert.Contains("# in the server block: uwsgi_buffer_size 16k; uwsgi_buffers 8 16k;", advice.Commands);
    }

    [Theory]
    [InlineData("unix:/run/php/php8.2-fpm.sock", "ss -xl | grep -F '/run/php/php8.2-fpm.sock'")]
    [InlineData("127.0.0.1:9000", "ss -ltn '( sport = :9000 )'")]
    public void ListenQueue_ReadFromTheSocketsOwnTable(string target, string expected)
    {
        var advice = RemediationCatalog.For(Causes.ListenBacklogFull, TargetParts.Parse(target), "fastcgi", null, "www");

        Assert.Equal(expected, advice.Commands[0]);
    }

    [Theory]
    [InlineData("app_backend", "grep -Rn -A 12 'upstream app_backend' /etc/nginx/")]
    [InlineData("127.0.0.1:9000", "grep -Rn -- '127.0.0.1:9000' /etc/nginx/")]
    public void NoLiveUpstreams_BlockNameLooksForTheBlock_AddressForWhereItIsUsed(string target, string expected)
    {
        // nginx names the upstream block in the record; a proxy_pass to one address makes an implicit block named after it.
        var advice = RemediationCatalog.For(Causes.NoLiveUpstreams, TargetParts.Parse(target), "http", null, null);

        Assert.Equal([expected], advice.Commands);
    }

    [Fact]
    public void TlsToASocket_OpensTheSocketNotAHostNamedUnix()
    {
        var advice = RemediationCatalog.For(Causes.UpstreamTls, TargetParts.Parse("unix:/run/app/tls.sock"), "https", null, null);

        Assert.StartsWith("openssl s_client -unix /run/app/tls.sock ", advice.Commands[0], StringComparison.Ordinal);
    }
}
