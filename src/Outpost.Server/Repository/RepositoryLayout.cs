namespace Outpost.Server.Repository;

/// <summary>Where the TUF repository lives inside <c>Outpost:DataDirectory</c>: <c>tuf/{metadata,blobs,keys}</c>.</summary>
internal sealed record RepositoryLayout(string DataDirectory)
{
    public string Root => Path.Combine(DataDirectory, "tuf");

    public string MetadataDirectory => Path.Combine(Root, "metadata");

    public string BlobDirectory => Path.Combine(Root, "blobs");

    public string KeyDirectory => Path.Combine(Root, "keys");

    public string KeyFile(string role) => Path.Combine(KeyDirectory, role + ".key");

    public string MetadataFile(string fileName) => Path.Combine(MetadataDirectory, fileName);

    public string Blob(string sha256) => Path.Combine(BlobDirectory, sha256);
}
