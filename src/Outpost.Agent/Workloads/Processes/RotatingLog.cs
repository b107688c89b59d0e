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
    }

    public void WriteLine(ReadOnlySpan<byte> line)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            try
            {
                Append(line);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Disk full or folder gone: the line is dropped, and the pipe keeps being drained so the process never
                // blocks on its output. The next line tries a fresh file.
                DropStream();
            }
        }
    }

    public void Flush()
    {
        lock (_gate)
        {
            try
            {
                _stream?.Flush();
            }
            catch (IOException)
            {
                DropStream();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            DropStream();
        }
    }

    private void Append(ReadOnlySpan<byte> line)
    {
        _stream ??= Open(FileMode.Append);
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

    private FileStream Open(FileMode mode)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        return new FileStream(_path, mode, FileAccess.Write, FileShare.Read);
    }

    private void DropStream()
    {
        var stream = _stream;
        _stream = null;
        try
        {
            stream?.Dispose();
        }
        catch (IOException)
        {
            // Its buffered bytes could not be written either.
        }
    }

    private void Rotate()
    {
        DropStream();
        for (var i = _files - 1; i >= 1; i--)
        {
            var from = i == 1 ? _path : $"{_path}.{i - 1}";
            if (File.Exists(from))
            {
                File.Move(from, $"{_path}.{i}", overwrite: true);
            }
        }

        _stream = Open(_files == 1 ? FileMode.Create : FileMode.Append);
    }
}
