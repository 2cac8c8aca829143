using System.Net;
using System.Net.Sockets;

namespace Nginx502Bot.Lab.Processes;

/// <summary>
/// Free loopback ports, found by binding port 0 (the kernel's choice) and releasing it. The kernel may offer a released
/// port again, and a lab asks for some thirty before its backends bind any of them, so a port is never handed out twice
/// in one process: a repeat would make two listeners fight for one address and the second one fail to start.
/// </summary>
public static class FreePorts
{
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>Ports handed out by <see cref="NextQuiet"/>: no other port is handed out within <see cref="QuietDistance"/> of them.</summary>
    private static readonly List<int> Quiet = [];

    /// <summary>
    /// The agent's "the backend moved a little" distance (ListenerCandidates.NearPorts): a lab listener this close to a port
    /// where nothing listens would rightly be named as the moved backend.
    /// </summary>
    public const int QuietDistance = 100;

    public static int Next()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Probe(0);
            lock (HandedOut)
            {
                if (!Quiet.Exists(q => Math.Abs(q - port) <= QuietDistance) && HandedOut.Add(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException("the kernel kept offering loopback ports already handed out");
    }

    /// <summary>
    /// A free port that no other lab port is near, before or after (for a scenario where nothing listens: the agent must
    /// not find one of the lab's own backends "moved" next to it). A candidate that is too near is not kept: handing it out
    /// would only crowd the range for the next try. The kernel offers bind(0) ports from half the ephemeral range, so with
    /// a few hundred ports already out (the start-up test takes 200 in the same process) about one offer in twenty is far
    /// enough from all of them: the tries are many, each a bind and a close.
    /// </summary>
    public static int NextQuiet()
    {
        for (var attempt = 0; attempt < 2000; attempt++)
        {
            var port = Probe(0);
            lock (HandedOut)
            {
                if (!HandedOut.Any(p => Math.Abs(p - port) <= QuietDistance))
                {
                    HandedOut.Add(port);
                    Quiet.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException("no loopback port far enough from the lab's other ports");
    }

    /// <summary>A free port P whose neighbour P+1 is free too, and never handed out (for the wrong-port scenario).</summary>
    public static int NextPair()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var port = Next();
            if (port < IPEndPoint.MaxPort && IsFree(port + 1))
            {
                lock (HandedOut)
                {
                    if (!Quiet.Exists(q => Math.Abs(q - port - 1) <= QuietDistance) && HandedOut.Add(port + 1))
                    {
                        return port;
                    }
                }
            }
        }

        throw new InvalidOperationException("no free pair of adjacent loopback ports");
    }

    private static int Probe(int port)
    {
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            _ = Probe(port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
