using System.ComponentModel.DataAnnotations;

namespace Outpost.Server.Storage;

/// <summary>Configuration section <c>Outpost:Storage</c>.</summary>
internal sealed class StorageOptions
{
    public const string Section = "Outpost:Storage";

    /// <summary><c>sqlite</c> (default, embedded) or <c>postgres</c>.</summary>
    [RegularExpression("^(sqlite|postgres)$", ErrorMessage = "Set Outpost:Storage:Provider to 'sqlite' or 'postgres'.")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>Required for postgres; for sqlite defaults to <c>Data Source=&lt;DataDirectory&gt;/outpost.db</c>.</summary>
    public string? ConnectionString { get; set; }
}
