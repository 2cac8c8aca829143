using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf.WellKnownTypes;
using Nginx502Bot.Grpc.Client;
using Nginx502Bot.Grpc.Status;

namespace Nginx502Bot.Grpc.Tests.Loopback;

/// <summary>Our client against our server over TLS (HTTP/2 negotiated by ALPN), with a certificate made in the test.</summary>
[Collection(nameof(LoopbackServerGroup))]
public sealed class TlsCallTests(GrpcServerFixture server)
{
    private static readonly KeyValuePair<string, string>[] Auth = [new("authorization", BearerTokenInterceptor.Token)];

    private static DateTimeOffset Soon => DateTimeOffset.UtcNow.AddSeconds(10);

    [Fact]
    public async Task PinnedServerCertificate_UnaryAndStreamingSucceed()
    {
        using var channel = new GrpcChannel(server.TlsAddress, new GrpcChannelOptions { ServerCertificateValidation = PinServer() });

        var reply = await channel.CallUnaryAsync<StringValue, StringValue>(EchoService.Service + "WhoAmI", new StringValue(), Auth, Soon);
        var streamed = new List<int>();
        await foreach (var m in channel.CallServerStreamingAsync<Int32Value, Int32Value>(
            EchoService.Service + "Count", new Int32Value { Value = 3 }, Auth, Soon))
        {
            streamed.Add(m.Value);
        }

        Assert.StartsWith("anonymous|ipv4:127.0.0.1:", reply.Value);
        Assert.Equal([1, 2, 3], streamed);
    }

    [Fact]
    public async Task ClientCertificate_IsVisibleToTheHandler()
    {
        using var clientCertificate = TestCertificates.Create("bot-client");
        using var channel = new GrpcChannel(server.TlsAddress, new GrpcChannelOptions
        {
            ServerCertificateValidation = PinServer(),
            ClientCertificate = clientCertificate,
        });

        var reply = await channel.CallUnaryAsync<StringValue, StringValue>(EchoService.Service + "WhoAmI", new StringValue(), Auth, Soon);

        Assert.StartsWith("CN=bot-client|", reply.Value);
    }

    [Fact]
    public async Task UntrustedSelfSignedServer_DefaultValidation_Unavailable()
    {
        using var channel = new GrpcChannel(server.TlsAddress);

        var error = await Assert.ThrowsAsync<GrpcCallException>(() =>
            channel.CallUnaryAsync<StringValue, StringValue>(EchoService.Service + "Unary", new StringValue(), Auth, Soon));

        Assert.Equal(GrpcStatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task SharedHandler_ServesSeveralChannels()
    {
        using var handler = GrpcChannel.CreateHttpHandler(new GrpcChannelOptions { ServerCertificateValidation = PinServer() });
        var options = new GrpcChannelOptions { HttpHandler = handler };
        using var first = new GrpcChannel(server.TlsAddress, options);
        using var second = new GrpcChannel(server.TlsAddress, options);

        var a = await first.CallUnaryAsync<StringValue, StringValue>(EchoService.Service + "Unary", new StringValue { Value = "a" }, Auth, Soon);
        first.Dispose();
        var b = await second.CallUnaryAsync<StringValue, StringValue>(EchoService.Service + "Unary", new StringValue { Value = "b" }, Auth, Soon);

        Assert.Equal("echo:a|rid=", a.Value);
        Assert.Equal("echo:b|rid=", b.Value);
    }

    private RemoteCertificateValidationCallback PinServer()
    {
        var expected = server.ServerCertificate.GetCertHashString();
        return (_, certificate, _, _) => certificate is X509Certificate c && c.GetCertHashString() == expected;
    }
}
