using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf.WellKnownTypes;
using Nginx502Bot.Grpc.Wire;

namespace Nginx502Bot.Grpc.Tests.Loopback;

/// <summary>What our server puts on the wire, checked with a plain HttpClient rather than our gRPC client.</summary>
[Collection(nameof(LoopbackServerGroup))]
public sealed class ServerProtocolTests(GrpcServerFixture server) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });

    [Fact]
    public async Task SuccessfulCall_Http200GrpcContentTypeAndOkInTrailers()
    {
        using var response = await SendAsync(server.H2cAddress, "Unary", new StringValue { Value = "raw" });
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GrpcProtocol.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("echo:raw|rid=", StringValue.Parser.ParseFrom(body.AsSpan(GrpcFraming.HeaderSize)).Value);
        Assert.Equal("0", Trailer(response, "grpc-status"));
        Assert.False(response.Headers.Contains("grpc-status"));
    }

    [Fact]
    public async Task FailureBeforeAnyMessage_TrailersOnlyResponse()
    {
        using var response = await SendAsync(server.H2cAddress, "Fail", new StringValue());
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(body);
        Assert.Equal("3", Header(response, "grpc-status"));
        Assert.Equal("bad input: caf%C3%A9 100%25 %E2%98%83", Header(response, "grpc-message"));
        Assert.Empty(response.TrailingHeaders);
    }

    [Fact]
    public async Task HandlerIgnoringCancellation_ServerStillAnswersDeadlineExceededOnTime()
    {
        var watch = Stopwatch.StartNew();

        using var response = await SendAsync(server.H2cAddress, "IgnoreCancellation", new StringValue { Value = "6000" }, timeout: "200m");
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("4", Header(response, "grpc-status"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"answered after {watch.Elapsed}");
    }

    [Fact]
    public async Task InvalidTimeoutHeader_IsIgnored()
    {
        using var response = await SendAsync(server.H2cAddress, "Unary", new StringValue { Value = "t" }, timeout: "soon");
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("0", Trailer(response, "grpc-status"));
    }

    [Fact]
    public async Task WrongContentType_Http415()
    {
        using var response = await SendAsync(server.H2cAddress, "Unary", new StringValue(), contentType: "application/json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task GetRequest_Http405()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.H2cAddress, EchoService.Service + "Unary"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Http11Request_Http426()
    {
        using var request = NewRequest(server.Http1Address, "Unary", new StringValue(), GrpcProtocol.ContentType);
        request.Version = HttpVersion.Version11;

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
    }

    [Fact]
    public async Task TwoRequestMessagesForUnary_Internal()
    {
        using var request = NewRequest(server.H2cAddress, "Unary", new StringValue(), GrpcProtocol.ContentType);
        var one = GrpcFraming.FrameMessage(new StringValue { Value = "a" }, 100);
        request.Content = new ByteArrayContent([.. one, .. one]);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(GrpcProtocol.ContentType);

        using var response = await _http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("13", Header(response, "grpc-status") ?? Trailer(response, "grpc-status"));
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(
        Uri address, string method, StringValue message, string? timeout = null, string contentType = GrpcProtocol.ContentType)
    {
        var request = NewRequest(address, method, message, contentType);
        if (timeout is not null)
        {
            request.Headers.TryAddWithoutValidation("grpc-timeout", timeout);
        }

        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    private static HttpRequestMessage NewRequest(Uri address, string method, StringValue message, string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, EchoService.Service + method))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(GrpcFraming.FrameMessage(message, 1024)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.TryAddWithoutValidation("authorization", BearerTokenInterceptor.Token);
        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;

    private static string? Trailer(HttpResponseMessage response, string name) =>
        response.TrailingHeaders.TryGetValues(name, out var values) ? values.Single() : null;
}
