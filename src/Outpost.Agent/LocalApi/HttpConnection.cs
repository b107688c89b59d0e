using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Outpost.Agent.LocalApi;

/// <summary>
/// Serves one connection of the local API: HTTP/1.1 with keep-alive, bodies by Content-Length only (no chunked
/// uploads: 411), headers up to 8 KiB, bodies up to 64 KiB (413, and the connection closes without reading it).
/// A request head must arrive within the idle timeout, so a stuck client holds a connection slot for a bounded time.
/// </summary>
internal sealed class HttpConnection(Socket socket, Func<LocalHttpRequest, CancellationToken, Task<LocalHttpResponse>> handler, TimeSpan idleTimeout) : IAsyncDisposable
{
    public const int MaxHeaderBytes = 8 * 1024;
    public const int MaxBodyBytes = 64 * 1024;
    private const long DiscardLimitBytes = 1024 * 1024;

    private readonly byte[] _buffer = new byte[MaxHeaderBytes + MaxBodyBytes];
    private readonly NetworkStream _stream = new(socket, ownsSocket: true);
    private int _filled;

    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                timeout.CancelAfter(idleTimeout);
                var response = await ReadAndHandleAsync(timeout.Token);
                if (response is null)
                {
                    return;
                }

                await WriteAsync(response, stopping);
                if (response.Close)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException)
        {
            // Client gone, idle timeout or shutdown: just close.
        }
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();

    private async Task<LocalHttpResponse?> ReadAndHandleAsync(CancellationToken cancellationToken)
    {
        int headEnd;
        while ((headEnd = _buffer.AsSpan(0, _filled).IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (_filled >= MaxHeaderBytes)
            {
                return Bad(431, "Request Header Fields Too Large", "the request head exceeds 8 KiB");
            }

            var read = await _stream.ReadAsync(_buffer.AsMemory(_filled, MaxHeaderBytes - _filled), cancellationToken);
            if (read == 0)
            {
                return null;
            }

            _filled += read;
        }

        var head = Encoding.Latin1.GetString(_buffer, 0, headEnd);
        var bodyStart = headEnd + 4;
        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            return Bad(400, "Bad Request", "malformed request line");
        }

        long? contentLength = null;
        bool chunked = false, close = requestLine[2] == "HTTP/1.0", expectContinue = false;
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return Bad(400, "Bad Request", "malformed header line");
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || (contentLength is { } other && other != length))
                {
                    return Bad(400, "Bad Request", "invalid Content-Length");
                }

                contentLength = length;
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                chunked = true;
            }
            else if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                close = value.Equals("close", StringComparison.OrdinalIgnoreCase) || (close && !value.Equals("keep-alive", StringComparison.OrdinalIgnoreCase));
            }
            else if (name.Equals("Expect", StringComparison.OrdinalIgnoreCase))
            {
                expectContinue = value.Equals("100-continue", StringComparison.OrdinalIgnoreCase);
            }
        }

        var method = requestLine[0];
        var target = requestLine[1];
        var path = target.IndexOf('?', StringComparison.Ordinal) is >= 0 and var q ? target[..q] : target;
        if (chunked)
        {
            return Bad(411, "Length Required", "send the body with a Content-Length (chunked bodies are not accepted)");
        }

        if (contentLength is null && method is "POST" or "PUT" or "PATCH")
        {
            return Bad(411, "Length Required", "a POST needs a Content-Length header");
        }

        var bodyLength = (int)Math.Min(contentLength ?? 0, int.MaxValue);
        if (contentLength > MaxBodyBytes)
        {
            // Read and discard a moderately oversized body so the client gets to read the answer (closing on unread
            // data makes the kernel reset the connection, and the client sees an error instead of the 413).
            if (!expectContinue && contentLength <= DiscardLimitBytes)
            {
                await DiscardAsync(contentLength.Value - (_filled - bodyStart), cancellationToken);
            }

            return Bad(413, "Content Too Large", $"the body is {contentLength} bytes; the limit is {MaxBodyBytes}");
        }

        if (expectContinue && _filled - bodyStart < bodyLength)
        {
            await _stream.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), cancellationToken);
        }

        while (_filled - bodyStart < bodyLength)
        {
            var read = await _stream.ReadAsync(_buffer.AsMemory(_filled), cancellationToken);
            if (read == 0)
            {
                return null;
            }

            _filled += read;
        }

        var body = _buffer.AsSpan(bodyStart, bodyLength).ToArray();
        // Keep any pipelined bytes after this request for the next one.
        var consumed = bodyStart + bodyLength;
        _buffer.AsSpan(consumed, _filled - consumed).CopyTo(_buffer);
        _filled -= consumed;
        var response = await handler(new LocalHttpRequest(method, path, body), cancellationToken);
        return close ? response with { Close = true } : response;
    }

    private async Task DiscardAsync(long remaining, CancellationToken cancellationToken)
    {
        while (remaining > 0)
        {
            var read = await _stream.ReadAsync(_buffer.AsMemory(0, (int)Math.Min(_buffer.Length, remaining)), cancellationToken);
            if (read == 0)
            {
                return;
            }

            remaining -= read;
        }
    }

    private static LocalHttpResponse Bad(int status, string title, string detail) =>
        LocalHttpResponse.Problem(status, title, detail) with { Close = true };

    private async Task WriteAsync(LocalHttpResponse response, CancellationToken cancellationToken)
    {
        var head = new StringBuilder(160)
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} {Reason(response.Status)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: {response.ContentType}\r\nContent-Length: {response.Body.Length}\r\n");
        if (response.Allow is { } allow)
        {
            head.Append(CultureInfo.InvariantCulture, $"Allow: {allow}\r\n");
        }

        if (response.RetryAfterSeconds is { } retry)
        {
            head.Append(CultureInfo.InvariantCulture, $"Retry-After: {retry}\r\n");
        }

        head.Append(response.Close ? "Connection: close\r\n\r\n" : "\r\n");
        var bytes = Encoding.Latin1.GetBytes(head.ToString());
        await _stream.WriteAsync(bytes, cancellationToken);
        await _stream.WriteAsync(response.Body, cancellationToken);
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        202 => "Accepted",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        411 => "Length Required",
        413 => "Content Too Large",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        _ => "Error",
    };
}
