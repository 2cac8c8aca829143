using Nginx502Bot.Agent.Probes.Parsing;
using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Agent.Tests.Probes;

public sealed class ParsingTests
{
    [Fact]
    public void ProcNetTcp_DecodesLittleEndianAddressesAndOnlyListeners()
    {
        const string table = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:1F40 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4242 1
               1: 0100007F:9C40 0100007F:1F40 01 00000000:00000000 00:00000000 00000000  1000        0 4243 1
            """;

        var l = Assert.Single(ProcNetParser.TcpListeners(table, SocketFamily.IPv4));

        Assert.Equal(("127.0.0.1", 8000, 4242L), (l.Address, l.Port, l.Inode));
    }

    [Fact]
    public void ProcNetTcp_EveryRowWithSharedAddressesDecodedAlike()
    {
        const string table = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:1F40 0100007F:C350 06 00000000:00000000 03:00001698 00000000     0        0 0 3
               1: 0100007F:1F40 0100007F:C351 01 00000000:00000000 00:00000000 00000000  1000        0 77 1
               2: 0200000A:0050 0100007F:C352 0a 00000000:00000000 00:00000000 00000000  1000        0 78 1
               3: truncated
            """;

        var rows = ProcNetParser.TcpSockets(table).ToArray();

        Assert.Equal(
            [("127.0.0.1", 8000, "127.0.0.1", 50000, "06", 0L), ("127.0.0.1", 8000, "127.0.0.1", 50001, "01", 77L), ("10.0.0.2", 80, "127.0.0.1", 50002, "0A", 78L)],
            rows.Select(r => (r.LocalAddress, r.LocalPort, r.RemoteAddress, r.RemotePort, r.State, r.Inode)));
    }

    [Fact]
    public void ProcNetTcp6_DecodesLoopbackAndV4Mapped()
    {
        const string table = """
              sl  local_address                         remote_address                        st
               0: 00000000000000000000000001000000:1F40 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 11 1
               1: 0000000000000000FFFF00000100007F:1F41 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 12 1
            """;

        var ls = ProcNetParser.TcpListeners(table, SocketFamily.IPv6).ToArray();

        Assert.Equal(["::1", "127.0.0.1"], ls.Select(l => l.Address));
    }

    [Fact]
    public void NginxCommandLine_ReadsRewrittenTitleAndNulSeparatedForms()
    {
        var title = NginxCommandLine.Parse("nginx: master process /usr/sbin/nginx -c /srv/lab/nginx.conf -p /srv/lab/");
        var raw = NginxCommandLine.Parse("/opt/nginx/sbin/nginx\0-p\0/opt/lab\0-c\0conf/n.conf\0");

        Assert.True(title.IsMaster);
        Assert.Equal(("/usr/sbin/nginx", "/srv/lab/nginx.conf", "/srv/lab/"), (title.Binary, title.ConfigPath, title.Prefix));
        Assert.Equal(("/opt/nginx/sbin/nginx", "conf/n.conf", "/opt/lab"), (raw.Binary, raw.ConfigPath, raw.Prefix));
    }

    [Theory]
    [InlineData("[21-Nov-2026 14:00:01] WARNING: [pool www] server reached pm.max_children setting (5), consider raising it", Causes.FpmPoolExhausted, "www")]
    [InlineData("[21-Nov-2026 14:00:01] WARNING: [pool api] child 123 exited on signal 9 (SIGKILL) after 3.0 seconds from start", Causes.AppCrash, "api")]
    [InlineData("[21-Nov-2026 14:00:01] WARNING: [pool www] child 77, script '/var/www/slow.php' (request: \"GET /slow.php\") execution timed out (31.2 sec), terminating", Causes.AppWorkerTimeout, "www")]
    [InlineData("Nov 21 14:00:01 web1 kernel: [1.0] Out of memory: Killed process 4242 (php-fpm8.2) total-vm:1kB", Causes.OomKilled, "php-fpm8.2")]
    [InlineData("2026-11-21T14:00:01.000000+00:00 web1 kernel: gunicorn[99]: segfault at 0 ip 0 sp 0 error 4", Causes.AppCrash, "gunicorn")]
    [InlineData("type=AVC msg=audit(1700000000.1:2): avc:  denied  { name_connect } for  pid=1 comm=\"nginx\" dest=8000", Causes.SelinuxDenied, "nginx")]
    public void CompanionLines_AreRecognisedWithSubjectAndTime(string line, string cause, string subject)
    {
        var e = CompanionLineScanner.Classify(line, 2026);

        Assert.NotNull(e);
        Assert.Equal((cause, subject), (e.Cause, e.Subject));
        Assert.NotNull(e.Time);
    }

    [Fact]
    public void OrdinaryLines_AreNotEvents()
    {
        Assert.Null(CompanionLineScanner.Classify("Nov 21 14:00:01 web1 kernel: eth0: link up", 2026));
    }

    [Fact]
    public void SystemctlShow_ParsesStateAndIgnoresUnknownUnits()
    {
        var s = SystemctlShowParser.Parse("gunicorn.service", "LoadState=loaded\nActiveState=failed\nSubState=failed\nMainPID=0\nNRestarts=4\nResult=exit-code\n");
        var missing = SystemctlShowParser.Parse("nope.service", "LoadState=not-found\nActiveState=inactive\n");

        Assert.NotNull(s);
        Assert.True(s.IsDown);
        Assert.Equal((4, (int?)null, "exit-code"), (s.Restarts!.Value, s.MainPid, s.Result));
        Assert.Null(missing);
    }

    [Theory]
    [InlineData("gunicorn.service", true)]
    [InlineData("php8.2-fpm.service", true)]
    [InlineData("getty@tty1.service", true)]
    [InlineData("--root=/tmp x.service", false)]
    [InlineData("-H.service", false)]
    [InlineData("a;rm -rf /.service", false)]
    public void UnitNames_OnlySystemdCharacters(string name, bool valid) => Assert.Equal(valid, Options.UnitName.IsValid(name));
}
