using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Google.Protobuf;
using Nginx502Bot.Grpc.Status;

namespace Nginx502Bot.Grpc.Wire;

/// <summary>
/// The gRPC Length-Prefixed-Message: a 1-byte compressed flag, a 4-byte big-endian length, then the protobuf bytes.
/// Message boundaries are independent of HTTP/2 DATA frames, so reading buffers until a whole message is present.
/// Size limits fail with <see cref="GrpcStatusCode.ResourceExhausted"/>; compressed messages are not supported and
/// fail with <see cref="GrpcStatusCode.Unimplemented"/>.
/// </summary>
public static class GrpcFraming
{
    /// <summary>Size of the prefix before each message.</summary>
    public const int HeaderSize = 5;

    /// <summary>Writes one framed message; throws RESOURCE_EXHAUSTED when it is larger than <paramref name="maxMessageSize"/>.</summary>
    public static void WriteMessage(IBufferWriter<byte> writer, IMessage message, int maxMessageSize)
    {
        var size = message.CalculateSize();
        if (size > maxMessageSize)
        {
            throw new GrpcCallException(
                GrpcStatusCode.ResourceExhausted,
                $"Sending message exceeds the maximum configured message size ({size} > {maxMessageSize}).");
        }

        var header = writer.GetSpan(HeaderSize);
        header[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)size);
        writer.Advance(HeaderSize);
        message.WriteTo(writer);
    }

    /// <summary>Returns one framed message as a new array (used for request bodies).</summary>
    public static byte[] FrameMessage(IMessage message, int maxMessageSize)
    {
        var buffer = new ArrayBufferWriter<byte>(HeaderSize + message.CalculateSize());
        WriteMessage(buffer, message, maxMessageSize);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes one framed message to a stream without flushing it.</summary>
    public static ValueTask WriteMessageAsync(Stream stream, IMessage message, int maxMessageSize, CancellationToken cancellationToken) =>
        stream.WriteAsync(FrameMessage(message, maxMessageSize), cancellationToken);

    /// <summary>
    /// Reads the next message, or returns null at a clean end of stream. An oversize length prefix is rejected as
    /// soon as it arrives, before buffering the payload; a stream ending mid-message fails with INTERNAL.
    /// </summary>
    public static async ValueTask<T?> ReadMessageAsync<T>(
        PipeReader reader,
        MessageParser<T> parser,
        int maxMessageSize,
        CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length >= HeaderSize)
            {
                var length = ReadLength(buffer, maxMessageSize);
                if (buffer.Length >= HeaderSize + length)
                {
                    var payload = buffer.Slice(HeaderSize, length);
                    var message = Parse(parser, payload);
                    reader.AdvanceTo(payload.End);
                    return message;
                }
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                reader.AdvanceTo(buffer.End);
                return buffer.IsEmpty
                    ? null
                    : throw new GrpcCallException(GrpcStatusCode.Internal, "Incomplete message: the stream ended inside a message.");
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static long ReadLength(ReadOnlySequence<byte> buffer, int maxMessageSize)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        if (header[0] != 0)
        {
            throw new GrpcCallException(
                GrpcStatusCode.Unimplemented,
                header[0] == 1 ? "Compressed messages are not supported." : "Invalid compressed flag.");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        return length <= maxMessageSize
            ? length
            : throw new GrpcCallException(
                GrpcStatusCode.ResourceExhausted,
                $"Received message exceeds the maximum configured message size ({length} > {maxMessageSize}).");
    }

    private static T Parse<T>(MessageParser<T> parser, ReadOnlySequence<byte> payload)
        where T : IMessage<T>
    {
        try
        {
            return parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new GrpcCallException(GrpcStatusCode.Internal, "Failed to deserialize the message.", e);
        }
    }
}
