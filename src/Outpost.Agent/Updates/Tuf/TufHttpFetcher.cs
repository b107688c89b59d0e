using System.Net;
using Outpost.Trust.Tuf;

namespace Outpost.Agent.Updates.Tuf;

/// <summary>
/// HTTP GETs that never read more than a cap: a declared Content-Length above it is refused before the body is read,
/// and an endless (or lying) body is cut off one byte past the cap.
/// </summary>
internal sealed class TufHttpFetcher(HttpClient http)
{
    private const int BufferBytes = 81920;

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
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        // python-tuf treats 403 like 404: S3-style static hosting answers 403 for a missing object.
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            return false;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {url} answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }

        var limit = maxBytes;
        if (response.Content.Headers.ContentLength is { } declared && declared > limit)
        {
            throw TooLarge(name, maxBytes);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var chunk = new byte[BufferBytes];
        long total = 0;
        while (true)
        {
            var wanted = (int)Math.Min(chunk.Length, limit - total + 1);
            var read = await body.ReadAsync(chunk.AsMemory(0, wanted), cancellationToken);
            if (read == 0)
            {
                return true;
            }

            total += read;
            if (total > limit)
            {
                throw TooLarge(name, maxBytes);
            }

            await destination.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }
    }

    private static TufException TooLarge(string name, long maxBytes) =>
        new(name, TufFailure.LengthMismatch, $"download exceeds {maxBytes} bytes: endless data refused");
}
