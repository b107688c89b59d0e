using System.Net;
using System.Net.Sockets;

namespace Outpost.Agent.LocalApi;

/// <summary>
/// Accepts local API connections on a Unix socket (and optionally 127.0.0.1:port) and serves each with an
/// <see cref="HttpConnection"/>. A minimal server instead of Kestrel keeps the agent binary small
/// (docs/designs/agent-local-api.md has the measured sizes). At most <c>maxConnections</c> are served at once; further
/// clients wait in the listen backlog.
/// </summary>
internal sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly List<Socket> _listeners = [];
    private readonly List<Task> _loops = [];
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Func<LocalHttpRequest, CancellationToken, Task<LocalHttpResponse>> _handler;
    private readonly TimeSpan _idleTimeout;

    public LocalHttpServer(Func<LocalHttpRequest, CancellationToken, Task<LocalHttpResponse>> handler, int maxConnections, TimeSpan idleTimeout)
    {
        _handler = handler;
        _idleTimeout = idleTimeout;
        _slots = new SemaphoreSlim(maxConnections, maxConnections);
    }

    /// <summary>Binds the Unix socket, replacing a stale socket file a previous run left, readable and writable by owner and group only.</summary>
    public void ListenUnix(string path)
    {
        // Nothing can be listening on it: this agent holds the data folder. Delete of a missing file is a no-op.
        File.Delete(path);

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite);
        Start(socket);
    }

    /// <summary>Binds 127.0.0.1 only (port 0 = any free port); returns the bound port.</summary>
    public int ListenLoopback(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        Start(socket);
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }

        await Task.WhenAll(_loops).ConfigureAwait(false);
        _stopping.Dispose();
        _slots.Dispose();
    }

    private void Start(Socket socket)
    {
        socket.Listen(64);
        _listeners.Add(socket);
        _loops.Add(AcceptLoopAsync(socket));
    }

    private async Task AcceptLoopAsync(Socket listener)
    {
        var connections = new List<Task>();
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                await _slots.WaitAsync(_stopping.Token);
                Socket client;
                try
                {
                    client = await listener.AcceptAsync(_stopping.Token);
                }
                catch
                {
                    _slots.Release();
                    throw;
                }

                connections.RemoveAll(t => t.IsCompleted);
                connections.Add(ServeAsync(client));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Shutting down.
        }

        await Task.WhenAll(connections).ConfigureAwait(false);
    }

    private async Task ServeAsync(Socket client)
    {
        try
        {
            await Task.Yield();
            await using var connection = new HttpConnection(client, _handler, _idleTimeout);
            await connection.RunAsync(_stopping.Token);
        }
        finally
        {
            _slots.Release();
        }
    }
}
