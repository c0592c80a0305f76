using System.Net;
using System.Net.Sockets;

namespace IvpSim.Cli.Hosting;

/// <summary>Asks the OS for a free loopback port, so that several runs (and tests) can host silos side by side.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
