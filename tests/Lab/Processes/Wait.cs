using System.Net.Sockets;

namespace Nginx502Bot.Lab.Processes;

/// <summary>Bounded polling for the lab's start-up and log flushing.</summary>
public static class Wait
{
    /// <summary>Polls <paramref name="condition"/> every 50 ms until it holds or <paramref name="timeout"/> passes.</summary>
    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(50, cancellationToken);
        }

        return condition();
    }

    /// <summary>True once something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Throws with the process's output when <paramref name="ready"/> is false: start-up failures must be loud.</summary>
    public static void Ensure(bool ready, string what, ChildProcess? process)
    {
        if (!ready)
        {
            throw new InvalidOperationException($"{what} did not start in time: {process?.Describe()}");
        }
    }
}
