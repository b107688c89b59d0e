using System.ComponentModel.DataAnnotations;

namespace Outpost.Server.Hosting;

/// <summary>Configuration section <c>Outpost</c>: settings shared by every feature.</summary>
internal sealed class OutpostOptions
{
    public const string Section = "Outpost";

    /// <summary>Holds the SQLite database, the CA (<c>ca/</c>) and the device-listener TLS certificate (<c>tls/</c>).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Set Outpost:DataDirectory to a writable folder.")]
    public string DataDirectory { get; set; } = "./outpost-data";

    /// <summary>Larger request bodies are refused with 413 on both listeners.</summary>
    [Range(1024, 64 * 1024 * 1024, ErrorMessage = "Set Outpost:MaxRequestBodyBytes between 1024 and 67108864.")]
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);
}
