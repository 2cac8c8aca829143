using System.Net;
using System.Net.Sockets;

namespace Nginx502Bot.Lab.Processes;

/// <summary>Free loopback ports, found by binding port 0 (the kernel's choice) and releasing it.</summary>
public static class FreePorts
{
    public static int Next() => NextAfter(0);

    /// <summary>A free port P whose neighbour P+1 is free too (for the wrong-port scenario).</summary>
    public static int NextPair()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var port = Next();
            if (port < IPEndPoint.MaxPort && IsFree(port + 1))
            {
                return port;
            }
        }

        throw new InvalidOperationException("no free pair of adjacent loopback ports");
    }

    private static int NextAfter(int port)
    {
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            _ = NextAfter(port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
