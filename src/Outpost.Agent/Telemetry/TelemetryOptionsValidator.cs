using Microsoft.Extensions.Options;

namespace Outpost.Agent.Telemetry;

/// <summary>Checks <see cref="TelemetryOptions"/> at start; each message names the key and its flag.</summary>
internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Positive(failures, options.SampleInterval, "Telemetry:SampleInterval (--telemetry-sample-interval)");
        Positive(failures, options.AggregationWindow, "Telemetry:AggregationWindow (--telemetry-aggregation-window)");
        Positive(failures, options.UploadInterval, "Telemetry:UploadInterval (--telemetry-upload-interval)");
        Positive(failures, options.UploadBackoffBase, "Telemetry:UploadBackoffBase");
        Positive(failures, options.UploadBackoffMax, "Telemetry:UploadBackoffMax (--telemetry-backoff-max)");
        Positive(failures, options.UploadTargetDuration, "Telemetry:UploadTargetDuration");
        foreach (var (metric, window) in options.AggregationWindows)
        {
            if (window < TimeSpan.Zero)
            {
                failures.Add($"Telemetry:AggregationWindows:{metric} must be zero (no aggregation) or positive");
            }
        }

        if (options.MaxSeries < 1)
        {
            failures.Add("Telemetry:MaxSeries must be at least 1");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, TimeSpan value, string key)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{key} must be positive, e.g. 00:00:10");
        }
    }
}
