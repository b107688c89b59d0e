using System.ComponentModel.DataAnnotations;

namespace Outpost.Server.Hosting;

/// <summary>Configuration section <c>Outpost</c>: settings shared by every feature.</summary>
internal sealed class OutpostOptions
{
    public const string Section = "Outpost";

    /// <summary>Holds the SQLite database, the CA (<c>ca/</c>) and the device-listener TLS certificate (<c>tls/</c>).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Set Outpost:DataDirectory to a writable folder.")]
    public string DataDirectory { get; set; } = "./outpost-data";

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);
}
