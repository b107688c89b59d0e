using System.Security.Cryptography;
using Outpost.Trust.Tuf.Metadata;

namespace Outpost.Trust.Tuf.Verification;

/// <summary>
/// Exact length and every listed hash (TUF 5.7.3 for targets; 5.5.2 / 5.6.2 for metadata files). A hash
/// algorithm this client cannot compute is a refusal, not a skip: an attacker must not be able to pick the check.
/// </summary>
public static class TargetVerifier
{
    private const int BufferBytes = 81920;

    /// <exception cref="TufException">LengthMismatch or HashMismatch naming <paramref name="targetPath"/>.</exception>
    public static void Verify(string targetPath, TargetFile expected, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(expected);
        Check(targetPath, expected.Length, expected.Hashes, data);
    }

    /// <summary>Reads at most <see cref="TargetFile.Length"/> + 1 bytes, so endless data is cut off and refused.</summary>
    public static void Verify(string targetPath, TargetFile expected, Stream content)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(content);
        var hashers = expected.Hashes.ToDictionary(h => h.Key, h => Create(targetPath, h.Key), StringComparer.Ordinal);
        try
        {
            var buffer = new byte[BufferBytes];
            long total = 0;
            int read;
            while ((read = content.Read(buffer, 0, NextReadSize(buffer.Length, expected.Length - total))) > 0)
            {
                total += read;
                foreach (var hasher in hashers.Values)
                {
                    hasher.AppendData(buffer, 0, read);
                }

                if (total > expected.Length)
                {
                    break;
                }
            }

            CheckLength(targetPath, expected.Length, total);
            foreach (var (algorithm, hasher) in hashers)
            {
                CheckDigest(targetPath, algorithm, expected.Hashes[algorithm], hasher.GetHashAndReset());
            }
        }
        finally
        {
            foreach (var hasher in hashers.Values)
            {
                hasher.Dispose();
            }
        }
    }

    // One byte past the expected length is enough to prove "too long" without reading an endless stream.
    private static int NextReadSize(int bufferLength, long remaining) =>
        remaining >= bufferLength ? bufferLength : (int)remaining + 1;

    internal static void Check(string name, long? length, IReadOnlyDictionary<string, string>? hashes, ReadOnlySpan<byte> data)
    {
        if (length is { } expectedLength)
        {
            CheckLength(name, expectedLength, data.Length);
        }

        foreach (var (algorithm, digest) in hashes ?? new Dictionary<string, string>())
        {
            using var hasher = Create(name, algorithm);
            hasher.AppendData(data);
            CheckDigest(name, algorithm, digest, hasher.GetHashAndReset());
        }
    }

    private static void CheckLength(string name, long expected, long actual)
    {
        if (actual != expected)
        {
            throw new TufException(name, TufFailure.LengthMismatch, $"length is {actual} bytes, metadata says {expected}");
        }
    }

    private static void CheckDigest(string name, string algorithm, string expected, byte[] actual)
    {
        if (!string.Equals(Convert.ToHexStringLower(actual), expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new TufException(name, TufFailure.HashMismatch, $"{algorithm} differs from the one metadata lists");
        }
    }

    private static IncrementalHash Create(string name, string algorithm) => algorithm switch
    {
        "sha256" => IncrementalHash.CreateHash(HashAlgorithmName.SHA256),
        "sha384" => IncrementalHash.CreateHash(HashAlgorithmName.SHA384),
        "sha512" => IncrementalHash.CreateHash(HashAlgorithmName.SHA512),
        _ => throw new TufException(name, TufFailure.HashMismatch, $"unsupported hash algorithm '{algorithm}'"),
    };
}
