namespace Outpost.Server.Certificates;

/// <summary>Where the server keeps its key material inside <c>Outpost:DataDirectory</c>.</summary>
internal sealed record DataFolderLayout(string Root)
{
    public string CaCertificate => Path.Combine(Root, "ca", "ca.crt");

    public string CaKey => Path.Combine(Root, "ca", "ca.key");

    public string ServerCertificate => Path.Combine(Root, "tls", "server.crt");

    public string ServerKey => Path.Combine(Root, "tls", "server.key");
}
