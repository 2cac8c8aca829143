using System.Buffers.Binary;
using System.IO.Pipelines;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Nginx502Bot.Grpc.Status;
using Nginx502Bot.Grpc.Wire;

namespace Nginx502Bot.Grpc.Tests.Wire;

public class GrpcFramingTests
{
    private static readonly MessageParser<StringValue> Parser = StringValue.Parser;

    [Fact]
    public void WriteMessage_PrefixesUncompressedFlagAndBigEndianLength()
    {
        var framed = GrpcFraming.FrameMessage(new StringValue { Value = "abc" }, 100);

        Assert.Equal(0, framed[0]);
        Assert.Equal(5u, BinaryPrimitives.ReadUInt32BigEndian(framed.AsSpan(1, 4)));
        Assert.Equal(new StringValue { Value = "abc" }.ToByteArray(), framed[5..]);
    }

    [Fact]
    public async Task ReadMessage_MessagesSplitAcrossOneByteWrites_ReadsEachThenNullAtEnd()
    {
        var pipe = new Pipe();
        var bytes = GrpcFraming.FrameMessage(new StringValue { Value = "first" }, 100)
            .Concat(GrpcFraming.FrameMessage(new StringValue(), 100))
            .Concat(GrpcFraming.FrameMessage(new StringValue { Value = "third" }, 100))
            .ToArray();
        var writer = Task.Run(async () =>
        {
            foreach (var b in bytes)
            {
                await pipe.Writer.WriteAsync(new[] { b });
            }

            await pipe.Writer.CompleteAsync();
        });

        var read = new List<string>();
        while (await GrpcFraming.ReadMessageAsync(pipe.Reader, Parser, 100, CancellationToken.None) is { } message)
        {
            read.Add(message.Value);
        }

        await writer;
        Assert.Equal(["first", "", "third"], read);
    }

    [Fact]
    public async Task ReadMessage_LengthAboveLimit_FailsWithResourceExhaustedBeforePayloadArrives()
    {
        var pipe = new Pipe();
        var header = new byte[5];
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(1), 1_000_000);
        await pipe.Writer.WriteAsync(header);

        var error = await Assert.ThrowsAsync<GrpcCallException>(
            () => GrpcFraming.ReadMessageAsync(pipe.Reader, Parser, 1024, CancellationToken.None).AsTask());

        Assert.Equal(GrpcStatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public void WriteMessage_LargerThanLimit_FailsWithResourceExhausted()
    {
        var error = Assert.Throws<GrpcCallException>(
            () => GrpcFraming.FrameMessage(new StringValue { Value = new string('x', 2000) }, 1024));

        Assert.Equal(GrpcStatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task ReadMessage_CompressedFlag_FailsWithUnimplemented()
    {
        var framed = GrpcFraming.FrameMessage(new StringValue { Value = "zip" }, 100);
        framed[0] = 1;

        var error = await Assert.ThrowsAsync<GrpcCallException>(() => ReadAllAsync(framed));

        Assert.Equal(GrpcStatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task ReadMessage_StreamEndsInsideMessage_FailsWithInternal()
    {
        var framed = GrpcFraming.FrameMessage(new StringValue { Value = "truncated" }, 100);

        var error = await Assert.ThrowsAsync<GrpcCallException>(() => ReadAllAsync(framed[..^2]));

        Assert.Equal(GrpcStatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task ReadMessage_PayloadIsNotProtobuf_FailsWithInternal()
    {
        byte[] framed = [0, 0, 0, 0, 2, 0xFF, 0xFF];

        var error = await Assert.ThrowsAsync<GrpcCallException>(() => ReadAllAsync(framed));

        Assert.Equal(GrpcStatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task WriteMessageAsync_ToStream_IsReadableThroughPipeReader()
    {
        using var stream = new MemoryStream();
        await GrpcFraming.WriteMessageAsync(stream, new StringValue { Value = "via stream" }, 100, CancellationToken.None);
        stream.Position = 0;

        var message = await GrpcFraming.ReadMessageAsync(PipeReader.Create(stream), Parser, 100, CancellationToken.None);

        Assert.Equal("via stream", message?.Value);
    }

    private static async Task ReadAllAsync(byte[] bytes)
    {
        var reader = PipeReader.Create(new MemoryStream(bytes));
        while (await GrpcFraming.ReadMessageAsync(reader, Parser, 100, CancellationToken.None) is not null)
        {
        }
    }
}
