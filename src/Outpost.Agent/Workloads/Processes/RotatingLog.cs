namespace Outpost.Agent.Workloads.Processes;

/// <summary>
/// One process's captured output: <c>PROCESS.log</c>, rotated to <c>PROCESS.log.1</c> … <c>.{files-1}</c> when the next
/// line would take it past maxBytes. At most files × maxBytes on disk, whatever the process prints. Whole lines are
/// written under one lock, so stdout and stderr interleave line by line, never inside a line.
/// </summary>
internal sealed class RotatingLog : IDisposable
{
    private readonly Lock _gate = new();
    private readonly string _path;
    private readonly long _maxBytes;
    private readonly int _files;
    private FileStream? _stream;
    private bool _disposed;

    public RotatingLog(string path, long maxBytes, int files)
    {
        _path = path;
        _maxBytes = maxBytes;
        _files = files;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    }

    public void WriteLine(ReadOnlySpan<byte> line)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _stream ??= new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
            if (line.Length > _maxBytes)
            {
                line = line[..(int)(_maxBytes - 1)];
            }

            var length = line.Length + (line.EndsWith("\n"u8) ? 0 : 1);
            if (_stream.Length > 0 && _stream.Length + length > _maxBytes)
            {
                Rotate();
            }

            _stream.Write(line);
            if (length > line.Length)
            {
                _stream.WriteByte((byte)'\n');
            }
        }
    }

    public void Flush()
    {
        lock (_gate)
        {
            _stream?.Flush();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _stream?.Dispose();
            _stream = null;
        }
    }

    private void Rotate()
    {
        _stream!.Dispose();
        for (var i = _files - 1; i >= 1; i--)
        {
            var from = i == 1 ? _path : $"{_path}.{i - 1}";
            if (File.Exists(from))
            {
                File.Move(from, $"{_path}.{i}", overwrite: true);
            }
        }

        _stream = new FileStream(_path, _files == 1 ? FileMode.Create : FileMode.Append, FileAccess.Write, FileShare.Read);
    }
}
