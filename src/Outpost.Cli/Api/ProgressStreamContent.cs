using System.Net;

namespace Outpost.Cli.Api;

/// <summary>
/// A request body read from a stream in chunks (never buffered whole) that reports how many bytes went out, so
/// uploads can show progress and detect a stall.
/// </summary>
internal sealed class ProgressStreamContent(Stream source, long declaredLength) : HttpContent
{
    private const int ChunkBytes = 81920;

    public Action<long>? Progress { get; set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = new byte[ChunkBytes];
        long sent = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            sent += read;
            Progress?.Invoke(sent);
        }

        if (sent != declaredLength)
        {
            // The file changed since it was hashed; sending a different length would only confuse the server.
            throw new IOException($"expected {declaredLength} bytes, read {sent}: the file changed while uploading");
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = declaredLength;
        return true;
    }
}
