using Microsoft.Extensions.Options;

namespace Outpost.Agent.Updates.Downloads;

/// <summary>Checks <see cref="DownloadOptions"/> at start; each message says what to set and where.</summary>
internal sealed class DownloadOptionsValidator : IValidateOptions<DownloadOptions>
{
    public ValidateOptionsResult Validate(string? name, DownloadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxBytesPerSecond < 0)
        {
            failures.Add("Downloads:MaxBytesPerSecond must be 0 (no cap) or positive (--max-download-bytes-per-second / OUTPOST_AGENT_MAX_DOWNLOAD_BYTES_PER_SECOND)");
        }

        if (options.Attempts is < 1 or > 100)
        {
            failures.Add("Downloads:Attempts must be between 1 and 100 (--download-attempts / OUTPOST_AGENT_DOWNLOAD_ATTEMPTS)");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add("Downloads:RetryBaseDelay must be >= 0 and Downloads:RetryMaxDelay >= it (--download-retry-base-delay, --download-retry-max-delay)");
        }

        if (options.DiskReserveBytes < 0)
        {
            failures.Add("Downloads:DiskReserveBytes must be 0 or positive (--disk-reserve-bytes / OUTPOST_AGENT_DISK_RESERVE_BYTES)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
