using System.Net.Sockets;

namespace Outpost.Agent.Workloads.Probes;

/// <summary>Passes when a TCP connection opens; it is closed at once.</summary>
internal sealed class TcpProbe(string host, int port) : IProbe
{
    public string Description => $"tcp probe {host}:{port}";

    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, cancellationToken);
            return null;
        }
        catch (SocketException ex)
        {
            return ex.Message;
        }
    }
}
