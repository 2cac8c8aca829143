using System.Buffers;
using System.Text;

namespace Nginx502Bot.Grpc.Status;

/// <summary>
/// Percent-encoding of the <c>grpc-message</c> value: UTF-8 bytes, where every byte outside printable ASCII
/// (0x20-0x7E) and the percent sign itself become <c>%XX</c> (upper-case hex), as the gRPC HTTP/2 spec requires.
/// </summary>
public static class GrpcStatusMessage
{
    /// <summary>Encodes a status message for the wire; returns the input unchanged when nothing needs escaping.</summary>
    public static string Encode(string message)
    {
        if (!message.AsSpan().ContainsAnyExceptInRange((char)0x20, (char)0x7E) && !message.Contains('%'))
        {
            return message;
        }

        var builder = new StringBuilder(message.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2"));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Decodes a wire status message. Never throws: a broken <c>%</c> sequence is kept as-is and invalid UTF-8
    /// becomes the replacement character, because the spec forbids discarding the message.
    /// </summary>
    public static string Decode(string value)
    {
        if (!value.Contains('%'))
        {
            return value;
        }

        var bytes = new ArrayBufferWriter<byte>(value.Length);
        Span<byte> buffer = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length && TryHexByte(value[i + 1], value[i + 2], out var decoded))
            {
                bytes.Write([decoded]);
                i += 2;
            }
            else
            {
                // Unencoded characters are ASCII by the grammar; anything else is passed through as UTF-8.
                var written = Encoding.UTF8.GetBytes(value.AsSpan(i, 1), buffer);
                bytes.Write(buffer[..written]);
            }
        }

        return Encoding.UTF8.GetString(bytes.WrittenSpan);
    }

    private static bool TryHexByte(char high, char low, out byte value)
    {
        value = 0;
        var h = HexValue(high);
        var l = HexValue(low);
        if (h < 0 || l < 0)
        {
            return false;
        }

        value = (byte)((h << 4) | l);
        return true;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };
}
