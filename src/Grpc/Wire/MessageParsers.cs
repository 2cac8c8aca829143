using Google.Protobuf;

namespace Nginx502Bot.Grpc.Wire;

/// <summary>One cached parser per message type, built from <c>new()</c> so no reflection is needed (NativeAOT).</summary>
internal static class MessageParsers<T>
    where T : class, IMessage<T>, new()
{
    public static readonly MessageParser<T> Instance = new(static () => new T());
}
