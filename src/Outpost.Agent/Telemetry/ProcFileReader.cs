using System.Text;

namespace Outpost.Agent.Telemetry;

/// <summary>
/// Reads small /proc and /sys files into buffers reused across samples, so sampling every few seconds does not
/// allocate a string per file. The returned span is valid until the next read.
/// </summary>
internal sealed class ProcFileReader
{
    private byte[] _bytes = new byte[16 * 1024];
    private char[] _chars = new char[16 * 1024];

    /// <summary>The file's text, or an empty span if it is missing or unreadable.</summary>
    public ReadOnlySpan<char> Read(string path)
    {
        try
        {
            using var handle = File.OpenHandle(path);
            var length = 0;
            while (true)
            {
                if (length == _bytes.Length)
                {
                    Array.Resize(ref _bytes, _bytes.Length * 2);
                }

                var read = RandomAccess.Read(handle, _bytes.AsSpan(length), length);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            if (_chars.Length < length)
            {
                _chars = new char[_bytes.Length];
            }

            // /proc text is ASCII; Latin-1 maps every byte to one char without validation.
            var count = Encoding.Latin1.GetChars(_bytes.AsSpan(0, length), _chars);
            return _chars.AsSpan(0, count);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return default;
        }
    }
}
