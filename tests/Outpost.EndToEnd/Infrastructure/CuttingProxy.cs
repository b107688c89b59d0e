using System.Net;
using System.Net.Sockets;

namespace Outpost.EndToEnd.Infrastructure;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of the server's device API (TLS passes through untouched). It counts the bytes the
/// server sends, and while cuts are armed it drops any connection once it has carried <see cref="CutAfterBytes"/>
/// server bytes: a connection cut mid-download.
/// </summary>
internal sealed class CuttingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private long _serverBytes;
    private int _cutsLeft;
    private int _cuts;

    public CuttingProxy(Uri target)
    {
        _target = target;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Url => new($"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public long ServerBytes => Interlocked.Read(ref _serverBytes);

    public int Cuts => Volatile.Read(ref _cuts);

    public long CutAfterBytes { get; set; } = long.MaxValue;

    public void ArmCuts(int count, long afterBytes)
    {
        CutAfterBytes = afterBytes;
        Volatile.Write(ref _cutsLeft, count);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        using var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_target.Host, _target.Port, _stop.Token);
            using var done = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var up = PumpAsync(client.GetStream(), server.GetStream(), null, done.Token);
            var down = PumpAsync(server.GetStream(), client.GetStream(), n => Interlocked.Add(ref _serverBytes, n), done.Token);
            await Task.WhenAny(up, down);
            await done.CancelAsync();
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // The agent or the server went away: the connection ends, as it would.
        }
    }

    private async Task PumpAsync(Stream from, Stream to, Action<long>? count, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        long carried = 0;
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, cancellationToken);
                if (read == 0)
                {
                    return;
                }

                if (count is not null && carried + read > CutAfterBytes && Volatile.Read(ref _cutsLeft) > 0 && Interlocked.Decrement(ref _cutsLeft) >= 0)
                {
                    var allowed = (int)(CutAfterBytes - carried);
                    await to.WriteAsync(buffer.AsMemory(0, allowed), cancellationToken);
                    count(allowed);
                    Interlocked.Increment(ref _cuts);
                    return; // both sockets close: the download breaks off mid-body
                }

                await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                carried += read;
                count?.Invoke(read);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Cut on the other side.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
