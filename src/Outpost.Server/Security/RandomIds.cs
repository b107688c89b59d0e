using System.Security.Cryptography;

namespace Outpost.Server.Security;

/// <summary>Identifiers and secrets in lowercase base32 (RFC 4648 alphabet): safe in URLs, file names and certificate CNs.</summary>
internal static class RandomIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary><paramref name="prefix"/> followed by <paramref name="bytes"/> random bytes (10 bytes = 80 bits = 16 characters).</summary>
    public static string New(string prefix, int bytes = 10) => prefix + Base32(RandomNumberGenerator.GetBytes(bytes));

    private static string Base32(ReadOnlySpan<byte> data)
    {
        var chars = new char[((data.Length * 8) + 4) / 5];
        int buffer = 0, bits = 0, index = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[index++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            chars[index] = Alphabet[(buffer << (5 - bits)) & 31];
        }

        return new string(chars);
    }
}
