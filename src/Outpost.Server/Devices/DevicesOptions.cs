using System.ComponentModel.DataAnnotations;

namespace Outpost.Server.Devices;

/// <summary>Configuration section <c>Outpost:Devices</c>.</summary>
internal sealed class DevicesOptions
{
    public const string Section = "Outpost:Devices";

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Set Outpost:Devices:CheckInInterval between 00:00:01 and 1.00:00:00.")]
    public TimeSpan CheckInInterval { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:05:00", "3650.00:00:00", ErrorMessage = "Set Outpost:Devices:CertificateLifetime between 00:05:00 and 3650.00:00:00.")]
    public TimeSpan CertificateLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Slack on top of two missed intervals before a device counts as offline (network jitter, agent jitter).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Set Outpost:Devices:OfflineGrace between 00:00:00 and 1.00:00:00.")]
    public TimeSpan OfflineGrace { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often buffered check-ins are written (see docs/designs/checkin-write-behind.md).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00", ErrorMessage = "Set Outpost:Devices:CheckInFlushInterval between 00:00:00.010 and 00:01:00.")]
    public TimeSpan CheckInFlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A flush starts early once this many devices have unwritten check-ins.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Set Outpost:Devices:CheckInFlushBatchSize between 1 and 1000000.")]
    public int CheckInFlushBatchSize { get; set; } = 2000;

    /// <summary>Devices whose last check-in is older than this are offline.</summary>
    public TimeSpan OfflineAfter => (2 * CheckInInterval) + OfflineGrace;
}
