using System.Globalization;
using Outpost.Agent.Cli;
using Outpost.Agent.Identity;
using Outpost.Agent.Updates.Downloads;
using Outpost.Agent.Updates.SelfUpdate;
using Outpost.Agent.LocalApi;
using Outpost.Agent.Telemetry;
using Outpost.Agent.Telemetry.Outbox;

namespace Outpost.Agent.Configuration;

/// <summary>
/// The single table that maps command-line flags and environment variables onto <see cref="AgentOptions"/> keys,
/// and the layering: defaults &lt; agent.json &lt; environment &lt; flags.
/// </summary>
internal static class AgentSettings
{
    public enum ValueKind
    {
        Text,
        Duration,
        Fraction,
        Integer,
    }

    public sealed record Setting(string Key, string Flag, string EnvironmentVariable, ValueKind Kind = ValueKind.Text, string Section = AgentOptions.Section)
    {
        public string ConfigurationKey => $"{Section}:{Key}";
    }

    public static IReadOnlyList<Setting> All { get; } =
    [
        new(nameof(AgentOptions.DataDirectory), "--data-dir", "OUTPOST_AGENT_DATA_DIR"),
        new(nameof(AgentOptions.ServerUrl), "--server", "OUTPOST_AGENT_SERVER_URL"),
        new(nameof(AgentOptions.DeviceClass), "--device-class", "OUTPOST_AGENT_DEVICE_CLASS"),
        new(nameof(AgentOptions.CheckInInterval), "--check-in-interval", "OUTPOST_AGENT_CHECK_IN_INTERVAL", ValueKind.Duration),
        new(nameof(AgentOptions.BackoffBase), "--backoff-base", "OUTPOST_AGENT_BACKOFF_BASE", ValueKind.Duration),
        new(nameof(AgentOptions.RenewalThreshold), "--renewal-threshold", "OUTPOST_AGENT_RENEWAL_THRESHOLD", ValueKind.Fraction),
        new(nameof(AgentOptions.RequestTimeout), "--request-timeout", "OUTPOST_AGENT_REQUEST_TIMEOUT", ValueKind.Duration),
        new(nameof(AgentOptions.BootWindow), "--boot-window", "OUTPOST_AGENT_BOOT_WINDOW", ValueKind.Duration),
        new(nameof(AgentOptions.SystemRoot), "--system-root", "OUTPOST_AGENT_SYSTEM_ROOT"),
        // Downloads (Updates/Downloads/DownloadOptions)
        new(nameof(DownloadOptions.MaxBytesPerSecond), "--max-download-bytes-per-second", "OUTPOST_AGENT_MAX_DOWNLOAD_BYTES_PER_SECOND",
            ValueKind.Integer, DownloadOptions.Section),
        new(nameof(DownloadOptions.Attempts), "--download-attempts", "OUTPOST_AGENT_DOWNLOAD_ATTEMPTS", ValueKind.Integer, DownloadOptions.Section),
        new(nameof(DownloadOptions.RetryBaseDelay), "--download-retry-base-delay", "OUTPOST_AGENT_DOWNLOAD_RETRY_BASE_DELAY",
            ValueKind.Duration, DownloadOptions.Section),
        new(nameof(DownloadOptions.RetryMaxDelay), "--download-retry-max-delay", "OUTPOST_AGENT_DOWNLOAD_RETRY_MAX_DELAY",
            ValueKind.Duration, DownloadOptions.Section),
        new(nameof(DownloadOptions.DiskReserveBytes), "--disk-reserve-bytes", "OUTPOST_AGENT_DISK_RESERVE_BYTES", ValueKind.Integer, DownloadOptions.Section),
        // Self-update (Updates/SelfUpdate/SelfUpdateOptions)
        new(nameof(SelfUpdateOptions.TrialTimeout), "--agent-trial-timeout", "OUTPOST_AGENT_TRIAL_TIMEOUT",
            ValueKind.Duration, SelfUpdateOptions.Section),
        // Telemetry (docs/telemetry-agent.md)
        new(nameof(TelemetryOptions.SampleInterval), "--telemetry-sample-interval", "OUTPOST_AGENT_TELEMETRY_SAMPLE_INTERVAL", ValueKind.Duration, TelemetryOptions.Section),
        new(nameof(TelemetryOptions.AggregationWindow), "--telemetry-aggregation-window", "OUTPOST_AGENT_TELEMETRY_AGGREGATION_WINDOW", ValueKind.Duration, TelemetryOptions.Section),
        new(nameof(TelemetryOptions.UploadInterval), "--telemetry-upload-interval", "OUTPOST_AGENT_TELEMETRY_UPLOAD_INTERVAL", ValueKind.Duration, TelemetryOptions.Section),
        new(nameof(TelemetryOptions.UploadBackoffMax), "--telemetry-backoff-max", "OUTPOST_AGENT_TELEMETRY_BACKOFF_MAX", ValueKind.Duration, TelemetryOptions.Section),
        new(nameof(OutboxOptions.MaxBytes), "--outbox-max-bytes", "OUTPOST_AGENT_OUTBOX_MAX_BYTES", ValueKind.Integer, OutboxOptions.Section),
        new(nameof(LocalApiOptions.LoopbackPort), "--local-api-port", "OUTPOST_AGENT_LOCAL_API_PORT", ValueKind.Integer, LocalApiOptions.Section),
    ];

    public static Setting? ForFlag(string flag) => All.FirstOrDefault(s => s.Flag == flag);

    /// <summary>The data folder, decided before anything else because agent.json lives in it.</summary>
    public static string DataDirectory(IReadOnlyDictionary<string, string> flags, Func<string, string?> environment) =>
        flags.GetValueOrDefault("--data-dir")
        ?? NonEmpty(environment("OUTPOST_AGENT_DATA_DIR"))
        ?? AgentOptions.DefaultDataDirectory;

    /// <summary>Configuration keys ("Agent:X") with their winning values from agent.json, environment and flags.</summary>
    public static Dictionary<string, string?> Layer(
        AgentState? state, IReadOnlyDictionary<string, string> flags, Func<string, string?> environment)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (state is not null)
        {
            values[Key(nameof(AgentOptions.ServerUrl))] = state.ServerUrl;
            values[Key(nameof(AgentOptions.DeviceClass))] = state.DeviceClass;
        }

        foreach (var setting in All)
        {
            if (NonEmpty(environment(setting.EnvironmentVariable)) is { } fromEnvironment)
            {
                values[setting.ConfigurationKey] = Checked(setting, setting.EnvironmentVariable, fromEnvironment);
            }
        }

        foreach (var setting in All)
        {
            if (flags.TryGetValue(setting.Flag, out var fromFlag))
            {
                values[setting.ConfigurationKey] = Checked(setting, setting.Flag, fromFlag);
            }
        }

        values[Key(nameof(AgentOptions.DataDirectory))] = DataDirectory(flags, environment);
        return values;
    }

    // Catch a malformed value here, naming where it came from, instead of as a binder exception at host start.
    private static string Checked(Setting setting, string source, string value)
    {
        var ok = setting.Kind switch
        {
            ValueKind.Duration => TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out _),
            ValueKind.Fraction => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            ValueKind.Integer => long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
            _ => true,
        };
        return ok
            ? value
            : throw new UsageException(setting.Kind switch
            {
                ValueKind.Duration => $"{source} must be a duration like 00:00:30, got '{value}'",
                ValueKind.Integer => $"{source} must be a whole number like 1048576, got '{value}'",
                _ => $"{source} must be a number like 0.33, got '{value}'",
            });
    }

    private static string Key(string name) => $"{AgentOptions.Section}:{name}";

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
