using System.Buffers;
using System.Security.Cryptography;

namespace Outpost.Server.Repository;

/// <summary>
/// Content-addressed artifact store <c>tuf/blobs/&lt;sha256&gt;</c>. An upload streams to a temporary file in the
/// same folder while hashing, so no artifact is ever held in memory and a blob name always matches its bytes.
/// </summary>
internal sealed class BlobStore(RepositoryLayout layout)
{
    public static bool IsSha256Hex(string value) =>
        value.Length == 64 && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    public string PathOf(string sha256) => layout.Blob(sha256);

    /// <summary>The stored length, or null when no blob has that hash.</summary>
    public long? LengthOf(string sha256)
    {
        var file = new FileInfo(layout.Blob(sha256));
        return file.Exists ? file.Length : null;
    }

    public async Task<BlobPutResult> PutAsync(string sha256, Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(layout.BlobDirectory);
        var temp = Path.Combine(layout.BlobDirectory, $".upload-{Guid.NewGuid():N}.tmp");
        var buffer = ArrayPool<byte>.Shared.Rent(128 * 1024);
        try
        {
            long length = 0;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    length += read;
                    if (length > maxBytes)
                    {
                        return new BlobPutResult(BlobPutOutcome.TooLarge, null, length);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                file.Flush(flushToDisk: true);
            }

            var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (actual != sha256)
            {
                return new BlobPutResult(BlobPutOutcome.HashMismatch, actual, length);
            }

            File.Move(temp, layout.Blob(sha256), overwrite: true);
            return new BlobPutResult(BlobPutOutcome.Stored, actual, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            File.Delete(temp);
        }
    }
}
