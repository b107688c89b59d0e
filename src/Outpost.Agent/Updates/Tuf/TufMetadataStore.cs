namespace Outpost.Agent.Updates.Tuf;

/// <summary>
/// The trusted metadata on disk (TUF 5.3.8, 5.4.5, 5.5.7, 5.6.6), as non-versioned files named after the role.
/// Only bytes that the trusted metadata set accepted are written here.
/// </summary>
internal sealed class TufMetadataStore(string directory)
{
    public string Directory { get; } = directory;

    public byte[]? Read(string role)
    {
        var path = PathOf(role);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    public void Write(string role, ReadOnlySpan<byte> bytes) => AtomicFile.Write(PathOf(role), bytes);

    public void Delete(string role) => File.Delete(PathOf(role));

    /// <summary>Delegated role names are chosen by the repository: escaped so that none can leave the folder.</summary>
    public string PathOf(string role) => Path.Combine(Directory, TufFileNames.Escape(role) + ".json");

}
