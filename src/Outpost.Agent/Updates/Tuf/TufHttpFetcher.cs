using System.Net;
using System.Net.Http.Headers;
using Outpost.Trust.Tuf;

namespace Outpost.Agent.Updates.Tuf;

/// <summary>
/// HTTP GETs that never read more than a cap: a declared Content-Length above it is refused before the body is read,
/// and an endless (or lying) body is cut off one byte past the cap.
/// </summary>
internal sealed class TufHttpFetcher(HttpClient http)
{
    public const int BufferBytes = 81920;

    /// <summary>The body, at most maxBytes long (name is the role or target a refusal names), or null on 404/403.</summary>
    public async Task<byte[]?> GetBytesAsync(Uri url, long maxBytes, string name, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        return await GetAsync(url, buffer, maxBytes, name, cancellationToken) ? buffer.ToArray() : null;
    }

    /// <summary>Copies the body to <paramref name="destination"/>, refusing anything past <paramref name="maxBytes"/>.</summary>
    /// <returns>False when the server has no such file (404/403).</returns>
    /// <exception cref="TufException">The body is longer than <paramref name="maxBytes"/>.</exception>
    public async Task<bool> GetAsync(Uri url, Stream destination, long maxBytes, string name, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(url, 0, null, cancellationToken);
        if (IsMissing(response.StatusCode))
        {
            return false;
        }

        EnsureSuccess(url, response);
        await CopyCappedAsync(response, destination, maxBytes, name, null, cancellationToken);
        return true;
    }

    /// <summary>
    /// A GET whose body is read by the caller (<see cref="CopyCappedAsync"/>). From <paramref name="offset"/> &gt; 0 it
    /// asks for the rest with <c>Range: bytes=N-</c>; with <paramref name="entityTag"/> also <c>If-Range</c>, so a
    /// server whose file changed answers 200 with the whole new file instead of a mismatched tail (RFC 9110 13.1.5).
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(Uri url, long offset, string? entityTag, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (offset > 0)
        {
            request.Headers.Range = new RangeHeaderValue(offset, null);
            if (entityTag is not null)
            {
                request.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue($"\"{entityTag}\""));
            }
        }

        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>python-tuf treats 403 like 404: S3-style static hosting answers 403 for a missing object.</summary>
    public static bool IsMissing(HttpStatusCode status) => status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden;

    public static void EnsureSuccess(Uri url, HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {url} answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }
    }

    /// <summary>
    /// Copies the body to <paramref name="destination"/>, never writing more than <paramref name="limit"/> bytes: a
    /// larger Content-Length is refused before reading, and at most one byte past the limit is read to detect endless
    /// data. <paramref name="onChunk"/> sees each chunk's size after it was read (bandwidth cap, counters, progress).
    /// </summary>
    /// <returns>The bytes written.</returns>
    public static async Task<long> CopyCappedAsync(
        HttpResponseMessage response, Stream destination, long limit, string name, Func<int, ValueTask>? onChunk,
        CancellationToken cancellationToken, int bufferBytes = BufferBytes)
    {
        if (response.Content.Headers.ContentLength is { } declared && declared > limit)
        {
            throw TooLarge(name, limit);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var chunk = new byte[bufferBytes];
        long total = 0;
        while (true)
        {
            var wanted = (int)Math.Min(chunk.Length, limit - total + 1);
            var read = await body.ReadAsync(chunk.AsMemory(0, wanted), cancellationToken);
            if (read == 0)
            {
                return total;
            }

            if (onChunk is not null)
            {
                await onChunk(read);
            }

            if (total + read > limit)
            {
                throw TooLarge(name, limit);
            }

            total += read;
            await destination.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }
    }

    private static TufException TooLarge(string name, long maxBytes) =>
        new(name, TufFailure.LengthMismatch, $"download exceeds {maxBytes} bytes: endless data refused");
}
