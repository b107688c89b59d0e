namespace Outpost.Agent.Tests;

internal sealed class TempDirectory : IDisposable
{
    /// <param name="inMemory">On tmpfs when the machine has one: for tests that fsync thousands of times.</param>
    public TempDirectory(bool inMemory = false)
    {
        Path = inMemory && Directory.Exists("/dev/shm")
            ? Directory.CreateDirectory(System.IO.Path.Combine("/dev/shm", "outpost-agent-test-" + Guid.NewGuid().ToString("N"))).FullName
            : Directory.CreateTempSubdirectory("outpost-agent-test-").FullName;
    }

    public string Path { get; }

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    public void Write(string relative, string contents)
    {
        var full = File(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, contents);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
