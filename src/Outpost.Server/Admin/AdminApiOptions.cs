namespace Outpost.Server.Admin;

/// <summary>Configuration section <c>Outpost:AdminApi</c>.</summary>
internal sealed class AdminApiOptions
{
    public const string Section = "Outpost:AdminApi";

    /// <summary>Address of the admin listener (http, or https with the server TLS certificate); port 0 picks a free port.</summary>
    public string Url { get; set; } = "http://127.0.0.1:8080";
}
