using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Outpost.EndToEnd.Infrastructure;

/// <summary>A workload's view of the agent: HTTP/1.1 over the Unix socket <c>agent.sock</c>.</summary>
internal sealed class LocalApiClient : IDisposable
{
    private readonly HttpClient _http;

    public LocalApiClient(string socketPath)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://agent"), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>Posts one event carrying <paramref name="n"/>; true only when the agent acknowledged it (2xx).</summary>
    public async Task<bool> TryPostEventAsync(string name, long n, CancellationToken cancellationToken = default)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $$$"""{"name":"{{{name}}}","attributes":{"n":"{{{n}}}"}}""");
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(new Uri("/v1/events", UriKind.Relative), content, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
        {
            return false; // the agent died or is not up: not acknowledged
        }
    }

    /// <summary>Posts one log line; the status code (or 0 when the agent could not be reached).</summary>
    public async Task<int> PostLogAsync(string message, CancellationToken cancellationToken = default)
    {
        var body = "{\"level\":\"error\",\"message\":\"" + message + "\",\"source\":\"drill\"}";
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(new Uri("/v1/logs", UriKind.Relative), content, cancellationToken);
            return (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
        {
            return 0;
        }
    }

    /// <summary>Polls until the local API answers (any HTTP status counts as up).</summary>
    public async Task WaitUntilUpAsync(TimeSpan timeout, ChildProcess agent)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await _http.GetAsync(new Uri("/v1/release", UriKind.Relative));
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
            {
                if (agent.HasExited)
                {
                    break;
                }

                await Task.Delay(25);
            }
        }

        throw new TimeoutException($"the agent's local API never answered (exited: {agent.HasExited}). Output:\n{agent.Output}");
    }

    public void Dispose() => _http.Dispose();
}
